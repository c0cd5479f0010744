namespace Scaffolder.Templating;

/// <summary>How a template is parsed.</summary>
public sealed class TemplateParseOptions
{
    public static TemplateParseOptions Default { get; } = new();

    /// <summary>
    /// Maximum nesting of expressions and blocks. Deeper input is a parse error rather than a risk of
    /// exhausting the stack (Scriban's conformance runner uses 250).
    /// </summary>
    public int MaxDepth { get; init; } = 250;
}
