using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Builtins;

/// <summary>The body of a builtin: converted argument values in parameter order (variadic rest as an array).</summary>
internal delegate object? BuiltinBody(RenderContext context, SourceSpan span, ReadOnlySpan<object?> arguments);

/// <summary>A function of a builtin object (<c>string.upcase</c>) or a builtin global.</summary>
internal sealed class BuiltinFunction : Callable
{
    private readonly ParameterSpec[] _parameters;
    private readonly BuiltinBody _body;
    private readonly int _required;
    private readonly ParamsKind _kind;

    public BuiltinFunction(string name, BuiltinBody body, ParameterSpec[] parameters, ParamsKind kind = ParamsKind.None, int? required = null)
    {
        Name = name;
        _body = body;
        _parameters = parameters;
        _kind = kind;
        _required = required ?? parameters.Count(p => !p.HasDefault) - (kind == ParamsKind.LastParameter ? 1 : 0);
    }

    public string Name { get; }

    public override int ParameterCount => _parameters.Length;

    public override int RequiredParameterCount => _required;

    public override ParamsKind ParamsKind => _kind;

    public override ParameterSpec GetParameter(int index) =>
        _parameters.Length == 0 ? new ParameterSpec("value") : _parameters[Math.Min(index, _parameters.Length - 1)];

    public override object? Invoke(RenderContext context, Node? caller, ArgumentList arguments, BlockStatement? block)
    {
        var span = caller?.Span ?? context.CurrentSpan;
        return _body(context, span, arguments.AsSpan());
    }

    public override string ToString() => "<function>";
}

/// <summary>Shorthands for declaring builtin parameters.</summary>
internal static class P
{
    public static ParameterSpec Any(string name) => new(name);

    public static ParameterSpec Any(string name, object? defaultValue) => new(name, ParamKind.Any, true, defaultValue);

    public static ParameterSpec Text(string name) => new(name, ParamKind.String);

    public static ParameterSpec Text(string name, string? defaultValue) => new(name, ParamKind.String, true, defaultValue);

    public static ParameterSpec Int(string name) => new(name, ParamKind.Int);

    public static ParameterSpec Int(string name, int defaultValue) => new(name, ParamKind.Int, true, defaultValue);

    public static ParameterSpec NullableInt(string name) => new(name, ParamKind.NullableInt, true, null);

    public static ParameterSpec Double(string name) => new(name, ParamKind.Double);

    public static ParameterSpec Bool(string name, bool defaultValue) => new(name, ParamKind.Bool, true, defaultValue);

    public static ParameterSpec Enumerable(string name) => new(name, ParamKind.Enumerable);

    public static ParameterSpec List(string name) => new(name, ParamKind.List);

    public static ParameterSpec Date(string name) => new(name, ParamKind.DateTime);

    public static ParameterSpec NullableDate(string name) => new(name, ParamKind.NullableDateTime);
}

/// <summary>Small helpers shared by builtin implementations.</summary>
internal static class Args
{
    public static string? Text(ReadOnlySpan<object?> arguments, int index) => (string?)arguments[index];

    public static int Int(ReadOnlySpan<object?> arguments, int index) => (int)arguments[index]!;

    public static int? NullableInt(ReadOnlySpan<object?> arguments, int index) => (int?)arguments[index];

    public static double Double(ReadOnlySpan<object?> arguments, int index) => (double)arguments[index]!;

    public static bool Bool(ReadOnlySpan<object?> arguments, int index) => (bool)arguments[index]!;

    /// <summary>The items of a list argument (any iterable), or null.</summary>
    public static IEnumerable<object?>? Items(ReadOnlySpan<object?> arguments, int index) =>
        arguments[index] is { } value ? ObjectAccess.Enumerate(value) : null;

    /// <summary>Fails like Scriban when a function-typed argument is not a function.</summary>
    public static ICallable? Function(RenderContext context, object? value, int index)
    {
        if (value is null)
        {
            return null;
        }

        return value as ICallable
            ?? throw new TemplateArgumentException(index, $"The parameter `{context.ToText(value)}` is not a function. Maybe prefix it with @?");
    }
}
