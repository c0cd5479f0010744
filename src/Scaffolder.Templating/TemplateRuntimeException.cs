using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating;

/// <summary>
/// A template failed while rendering: a runtime error in the template, an exceeded limit, a
/// timeout or a cancellation. <see cref="Exception.Message"/> has Scriban's form
/// <c>name(line,column) : error : message</c>.
/// </summary>
public class TemplateRuntimeException : Exception
{
    internal TemplateRuntimeException(SourceSpan span, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Span = span;
        TemplateName = span.FileName;
        Line = span.Start.Line + 1;
        Column = span.Start.Column + 1;
        Reason = message;
    }

    public string TemplateName { get; }

    /// <summary>1-based line of the failing expression or statement.</summary>
    public int Line { get; }

    /// <summary>1-based column of the failing expression or statement.</summary>
    public int Column { get; }

    /// <summary>The message without its location.</summary>
    public string Reason { get; }

    public override string Message => $"{TemplateName}({Line},{Column}) : error : {Reason}";

    internal SourceSpan Span { get; }

    public override string ToString() => Message;
}

/// <summary>A render stopped because a safety limit (loops, recursion, output, time) was exceeded.</summary>
public sealed class TemplateLimitExceededException : TemplateRuntimeException
{
    internal TemplateLimitExceededException(SourceSpan span, string message)
        : base(span, message)
    {
    }
}
