namespace Scaffolder.Templating.Syntax;

/// <summary>
/// Base of the syntax tree. The tree is shared by every template dialect: a front end (the Scriban
/// parser today) builds it, the runtime evaluates it.
/// </summary>
internal abstract class Node
{
    public SourceSpan Span { get; set; }

    /// <summary>A short name of the construct, used in parser messages ("if statement").</summary>
    public virtual string SyntaxName => GetType().Name;

    /// <summary>A sketch of the construct's syntax, used in parser messages.</summary>
    public virtual string SyntaxExample => "...";

    public sealed override string ToString() => SyntaxPrinter.Print(this);
}
