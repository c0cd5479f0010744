using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating;

/// <summary>An error found while parsing a template, with its 1-based location.</summary>
public sealed class TemplateMessage
{
    internal TemplateMessage(SourceSpan span, string message)
    {
        Span = span;
        TemplateName = span.FileName;
        Line = span.Start.Line + 1;
        Column = span.Start.Column + 1;
        Message = message;
    }

    public string TemplateName { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    public string Message { get; }

    internal SourceSpan Span { get; }

    /// <summary>Scriban's form: <c>name(line,column) : error : message</c>.</summary>
    public override string ToString() => $"{TemplateName}({Line},{Column}) : error : {Message}";
}
