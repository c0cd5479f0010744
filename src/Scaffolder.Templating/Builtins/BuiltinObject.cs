using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Builtins;

/// <summary>
/// A builtin object (<c>string</c>, <c>array</c>, ...). Shared by every render and never modified:
/// a template that assigns to one of its members works on a per-render copy.
/// </summary>
internal class BuiltinObject : IScriptObject
{
    private readonly Dictionary<string, object?> _lookup = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, object?>> _members = [];

    public BuiltinObject(string name) => Name = name;

    public string Name { get; }

    public IReadOnlyList<KeyValuePair<string, object?>> Members => _members;

    public int Count => _members.Count;

    public IEnumerable<string> Keys => _lookup.Keys;

    public BuiltinObject Function(string name, BuiltinBody body, params ParameterSpec[] parameters) =>
        Add(name, new BuiltinFunction($"{Name}.{name}", body, parameters));

    public BuiltinObject VariadicFunction(string name, BuiltinBody body, params ParameterSpec[] parameters) =>
        Add(name, new BuiltinFunction($"{Name}.{name}", body, parameters, ParamsKind.LastParameter));

    public BuiltinObject Add(string name, object? value)
    {
        _lookup.Add(name, value);
        _members.Add(new KeyValuePair<string, object?>(name, value));
        return this;
    }

    public TemplateObject CreateCopy()
    {
        var copy = new TemplateObject(_members.Count);
        foreach (var (name, value) in _members)
        {
            copy.SetValue(name, value);
        }

        return copy;
    }

    public bool Contains(string name) => _lookup.ContainsKey(name);

    public bool TryGetValue(string name, out object? value) => _lookup.TryGetValue(name, out value);

    public bool CanWrite(string name) => true;

    public bool TrySetValue(string name, object? value, bool readOnly) => false;

    public bool Remove(string name) => false;

    public void SetReadOnly(string name, bool readOnly)
    {
    }
}

/// <summary>The <c>date</c> object, which can also be called: <c>date "2016/01/05"</c> parses a date.</summary>
internal sealed class DateBuiltinObject : BuiltinObject, ICallable
{
    public DateBuiltinObject()
        : base("date")
    {
    }

    public int ParameterCount => 0;

    public int RequiredParameterCount => 0;

    public ParamsKind ParamsKind => ParamsKind.Direct;

    public ParameterSpec GetParameter(int index) => new("text");

    public object? Invoke(RenderContext context, Node? caller, ArgumentList arguments, BlockStatement? block) => arguments.Count switch
    {
        0 => this,
        1 => context.ToText(arguments[0]) is { } text ? DateFunctions.ParseDate(context, text, null, null) : null,
        _ => throw new TemplateRuntimeException(caller?.Span ?? context.CurrentSpan, $"Invalid number of parameters `{arguments.Count}` for `date` object/function."),
    };
}
