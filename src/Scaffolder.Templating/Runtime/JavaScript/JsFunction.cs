using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Runtime.JavaScript;

/// <summary>
/// A function with JavaScript's calling convention: any number of arguments, missing ones are
/// undefined (null). Used for dialect filters, tests and the methods of strings and arrays.
/// </summary>
internal sealed class JsFunction : Callable
{
    private static readonly ParameterSpec Arguments = new("arguments");
    private readonly Func<RenderContext, Node?, JsArguments, object?> _body;

    public JsFunction(string name, Func<RenderContext, Node?, JsArguments, object?> body)
    {
        Name = name;
        _body = body;
    }

    public string Name { get; }

    public override int ParameterCount => 1;

    public override int RequiredParameterCount => 0;

    public override ParamsKind ParamsKind => ParamsKind.LastParameter;

    public override ParameterSpec GetParameter(int index) => Arguments;

    public override object? Invoke(RenderContext context, Node? caller, ArgumentList arguments, BlockStatement? block)
    {
        var values = arguments.Count > 0 && arguments[0] is TemplateArray rest ? rest.Items : [];
        return _body(context, caller, new JsArguments(values));
    }

    public override string ToString() => Name;
}

/// <summary>The arguments of a <see cref="JsFunction"/> call; reading past the end gives undefined (null).</summary>
internal readonly struct JsArguments(List<object?> values)
{
    public int Count => values.Count;

    public object? this[int index] => index < values.Count ? values[index] : null;
}
