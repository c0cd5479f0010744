using System.Text.Json.Nodes;

namespace Scaffolder.Scaffolding.Expressions;

/// <summary>
/// Evaluates the <c>${{ }}</c> expressions of a template's steps (<c>input</c>, <c>if</c>, <c>each</c>) and
/// <c>output</c>. The engine knows only this interface; which expression dialect sits behind it is the
/// implementation's business.
/// </summary>
public interface ITemplateExpressionRenderer
{
    /// <summary>
    /// Renders every string inside <paramref name="value"/> (recursively through objects and arrays).
    /// A string that is exactly one expression keeps the expression's JSON type; mixed text renders
    /// to a string; a string that renders empty (or to nothing) drops its object key. A string whose
    /// expression fails keeps its original text and the failure is reported in the result.
    /// </summary>
    /// <param name="path">Where <paramref name="value"/> sits, for messages (e.g. <c>input</c>).</param>
    ExpressionResult Render(JsonNode? value, ExpressionScope scope, string path);

    /// <summary>
    /// Evaluates an <c>if</c>: a literal is judged as it is; a string is rendered and its value judged
    /// (false for <c>false</c>, nothing, <c>null</c>, <c>""</c>, <c>0</c> and <c>[]</c>).
    /// </summary>
    ConditionResult Evaluate(JsonNode? condition, ExpressionScope scope, string path);

    /// <summary>Whether an <c>if</c> asks to run after a failure (it calls <c>always()</c> or <c>failure()</c>).</summary>
    bool RunsAfterFailure(JsonNode? condition);

    /// <summary>What <c>GET /v2/templating-extensions</c> lists: the filters and globals expressions may use.</summary>
    TemplatingExtensions Extensions { get; }
}

/// <summary>The values expressions see, and the run's status for the status functions.</summary>
public sealed class ExpressionScope
{
    /// <summary><c>parameters</c>, <c>steps</c>, <c>user</c>, <c>context</c> and, where allowed, <c>secrets</c> and <c>each</c>.</summary>
    public required JsonObject Context { get; init; }

    /// <summary>A step of the run has failed (what <c>failure()</c> answers).</summary>
    public bool PreviousStepFailed { get; init; }

    public CancellationToken CancellationToken { get; init; }
}

/// <summary>A templated string that could not be rendered.</summary>
/// <param name="Path">Where the string sits, e.g. <c>input.values.name</c>.</param>
/// <param name="Text">The string as written.</param>
/// <param name="Line">1-based line inside the string of the failing expression.</param>
/// <param name="Column">1-based column inside the string of the failing expression.</param>
/// <param name="Message">Why it failed.</param>
public sealed record ExpressionError(string Path, string Text, int Line, int Column, string Message)
{
    public override string ToString() => $"{Path} (line {Line}, column {Column}): {Message} in `{Text}`";
}

/// <summary>The result of rendering a value.</summary>
/// <param name="Value">The rendered value (null when <paramref name="IsUndefined"/>).</param>
/// <param name="IsUndefined">The value rendered to nothing (an empty string or an undefined expression).</param>
/// <param name="Errors">Strings that failed to render; they were kept as written.</param>
public sealed record ExpressionResult(JsonNode? Value, bool IsUndefined, IReadOnlyList<ExpressionError> Errors);

/// <summary>The result of evaluating a condition.</summary>
public sealed record ConditionResult(bool IsTrue, IReadOnlyList<ExpressionError> Errors);
