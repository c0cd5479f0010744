namespace Scaffolder.Templating.Syntax.Nunjucks;

/// <summary>
/// The statements of a Nunjucks template. Expressions are the shared syntax tree's; the statements
/// are the dialect's own, because their scoping (frames) and loop variables follow Nunjucks, not
/// Scriban. Immutable once parsed, so one tree serves concurrent renders.
/// </summary>
internal abstract class NunjucksNode
{
    protected NunjucksNode(SourceSpan span) => Span = span;

    /// <summary>Where the construct starts (its tag, or its first character of text).</summary>
    public SourceSpan Span { get; }
}

/// <summary>A sequence of nodes: a template, or the body of a tag.</summary>
internal sealed class NunjucksBody
{
    public NunjucksBody(IReadOnlyList<NunjucksNode> nodes) => Nodes = nodes;

    public static NunjucksBody Empty { get; } = new([]);

    public IReadOnlyList<NunjucksNode> Nodes { get; }
}

/// <summary>Literal text (template data, or the content of a <c>{% raw %}</c> block).</summary>
internal sealed class TextNode(SourceSpan span, string text) : NunjucksNode(span)
{
    public string Text { get; } = text;
}

/// <summary><c>${{ expr }}</c>: the value printed, undefined and null as nothing.</summary>
internal sealed class OutputNode(SourceSpan span, Expression expression) : NunjucksNode(span)
{
    public Expression Expression { get; } = expression;
}

/// <summary><c>{% if %}</c> with its <c>elif</c> chain (nested ifs in <see cref="Otherwise"/>) and <c>else</c>.</summary>
internal sealed class IfNode(SourceSpan span, Expression condition, NunjucksBody then, NunjucksBody? otherwise) : NunjucksNode(span)
{
    public Expression Condition { get; } = condition;

    public NunjucksBody Then { get; } = then;

    public NunjucksBody? Otherwise { get; } = otherwise;
}

/// <summary>
/// <c>{% for x in xs %}</c> or <c>{% for k, v in obj %}</c>, with <c>{% else %}</c> for nothing to
/// iterate; the body sees <c>loop.index</c> and its siblings.
/// </summary>
internal sealed class ForNode(SourceSpan span, IReadOnlyList<string> names, Expression iterable, NunjucksBody body, NunjucksBody? otherwise) : NunjucksNode(span)
{
    /// <summary>One name, or several for key/value (objects) or destructuring (arrays of arrays).</summary>
    public IReadOnlyList<string> Names { get; } = names;

    public bool Destructures { get; init; }

    public Expression Iterable { get; } = iterable;

    public NunjucksBody Body { get; } = body;

    public NunjucksBody? Otherwise { get; } = otherwise;
}

/// <summary><c>{% set a, b = expr %}</c>, or the block form <c>{% set a %}...{% endset %}</c> capturing its output.</summary>
internal sealed class SetNode(SourceSpan span, IReadOnlyList<string> targets, Expression? value, NunjucksBody? body) : NunjucksNode(span)
{
    public IReadOnlyList<string> Targets { get; } = targets;

    public Expression? Value { get; } = value;

    public NunjucksBody? Body { get; } = body;
}

/// <summary>
/// <c>{% filter name(args) %}...{% endfilter %}</c>: the body's output passed through the filter.
/// <see cref="Call"/> reads the captured text from the variable named <see cref="CapturedName"/>.
/// </summary>
internal sealed class FilterBlockNode(SourceSpan span, Expression call, NunjucksBody body) : NunjucksNode(span)
{
    /// <summary>A name no template can write, holding the body's output while the filter runs.</summary>
    public const string CapturedName = "filter-block:body";

    public Expression Call { get; } = call;

    public NunjucksBody Body { get; } = body;
}

/// <summary><c>{% block name %}</c>: its body, run in a frame that keeps its <c>set</c>s to itself.</summary>
internal sealed class BlockNode(SourceSpan span, string name, NunjucksBody body) : NunjucksNode(span)
{
    public string Name { get; } = name;

    public NunjucksBody Body { get; } = body;
}

/// <summary>
/// <c>{% switch %}</c>: the first case strictly equal to the value runs, falling through cases with
/// empty bodies (into the default too), as the JavaScript <c>switch</c> Nunjucks compiles to.
/// </summary>
internal sealed class SwitchNode(SourceSpan span, Expression value, IReadOnlyList<(Expression Condition, NunjucksBody Body)> cases, NunjucksBody? fallback)
    : NunjucksNode(span)
{
    public Expression Value { get; } = value;

    public IReadOnlyList<(Expression Condition, NunjucksBody Body)> Cases { get; } = cases;

    public NunjucksBody? Default { get; } = fallback;
}
