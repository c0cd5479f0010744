using System.Collections;
using System.Globalization;
using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating;

/// <summary>A parameter of a host function.</summary>
/// <param name="Name">The name templates use for named arguments (<c>f x name: 1</c>).</param>
public sealed record TemplateParameter(string Name)
{
    /// <summary>May be omitted; then <see cref="DefaultValue"/> is passed.</summary>
    public bool IsOptional { get; init; }

    public object? DefaultValue { get; init; }

    /// <summary>Collects all remaining arguments into a list; must be the last parameter.</summary>
    public bool IsVariadic { get; init; }
}

/// <summary>
/// A function the host adds to templates (through <see cref="TemplateRenderOptions.Globals"/> or a
/// model value). It receives evaluated arguments; what it returns becomes a template value.
/// </summary>
public sealed class TemplateFunction
{
    public TemplateFunction(IReadOnlyList<TemplateParameter> parameters, Func<TemplateArguments, object?> body)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(body);
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].IsVariadic && i != parameters.Count - 1)
            {
                throw new ArgumentException("Only the last parameter can be variadic.", nameof(parameters));
            }
        }

        Parameters = parameters;
        Callable = new HostFunction(this, body);
    }

    public IReadOnlyList<TemplateParameter> Parameters { get; }

    internal ICallable Callable { get; }

    /// <summary>A function of one value (the piped value in <c>x | f</c>).</summary>
    public static TemplateFunction Create(Func<object?, object?> body) =>
        new([new TemplateParameter("value")], arguments => body(arguments[0]));

    /// <summary>A function of two values (<c>x | f y</c> or <c>f x y</c>).</summary>
    public static TemplateFunction Create(Func<object?, object?, object?> body) =>
        new([new TemplateParameter("value"), new TemplateParameter("argument")], arguments => body(arguments[0], arguments[1]));

    private sealed class HostFunction : Callable
    {
        private readonly TemplateFunction _owner;
        private readonly Func<TemplateArguments, object?> _body;
        private readonly ParameterSpec[] _specs;
        private readonly int _required;
        private readonly ParamsKind _kind;

        public HostFunction(TemplateFunction owner, Func<TemplateArguments, object?> body)
        {
            _owner = owner;
            _body = body;
            _specs = owner.Parameters.Select(p => new ParameterSpec(p.Name, ParamKind.Any, p.IsOptional, p.DefaultValue)).ToArray();
            _kind = owner.Parameters.Count > 0 && owner.Parameters[^1].IsVariadic ? ParamsKind.LastParameter : ParamsKind.None;
            _required = owner.Parameters.Count(p => !p.IsOptional && !p.IsVariadic);
        }

        public override int ParameterCount => _specs.Length;

        public override int RequiredParameterCount => _required;

        public override ParamsKind ParamsKind => _kind;

        public override ParameterSpec GetParameter(int index) =>
            _specs.Length == 0 ? new ParameterSpec("value") : _specs[Math.Min(index, _specs.Length - 1)];

        public override object? Invoke(RenderContext context, Node? caller, ArgumentList arguments, BlockStatement? block)
        {
            var values = arguments.AsSpan().ToArray();
            if (_kind == ParamsKind.LastParameter && values.Length == _specs.Length && values[^1] is null)
            {
                values[^1] = new TemplateArray();
            }

            var span = caller?.Span ?? context.CurrentSpan;
            return ObjectAccess.FromHost(_body(new TemplateArguments(context, span, values)));
        }

        public override string ToString() => "<function>";
    }
}

/// <summary>The evaluated arguments of a host function call, in parameter order.</summary>
public sealed class TemplateArguments : IReadOnlyList<object?>
{
    private readonly RenderContext _context;
    private readonly object?[] _values;

    internal TemplateArguments(RenderContext context, SourceSpan span, object?[] values)
    {
        _context = context;
        _values = values;
        TemplateName = span.FileName;
        Line = span.Start.Line + 1;
        Column = span.Start.Column + 1;
    }

    public int Count => _values.Length;

    public object? this[int index] => index >= 0 && index < _values.Length ? _values[index] : null;

    public CultureInfo Culture => _context.Culture;

    public TimeZoneInfo TimeZone => _context.Settings.TimeZone;

    /// <summary>Location of the call, for the host's own messages.</summary>
    public string TemplateName { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>An argument converted to text the way templates print it (null stays null).</summary>
    public string? GetString(int index) => _context.ToText(this[index]);

    /// <summary>An argument's truthiness under the template's rules.</summary>
    public bool GetBoolean(int index) => _context.ToBool(this[index]);

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();
}
