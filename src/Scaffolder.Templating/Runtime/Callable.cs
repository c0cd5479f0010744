using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Runtime;

/// <summary>How a function collects its arguments.</summary>
internal enum ParamsKind
{
    /// <summary>Takes any number of arguments through <c>$</c> (simple <c>func name ... end</c>).</summary>
    Direct,

    /// <summary>A fixed list of parameters, some optional.</summary>
    None,

    /// <summary>The last parameter collects the remaining arguments into an array.</summary>
    LastParameter,
}

/// <summary>The conversion applied to an argument before a function sees it.</summary>
internal enum ParamKind
{
    Any,
    String,
    Int,
    NullableInt,
    Long,
    Double,
    Bool,
    Enumerable,
    List,
    Function,
    DateTime,
    NullableDateTime,
    TimeSpan,
}

internal readonly record struct ParameterSpec(string Name, ParamKind Kind = ParamKind.Any, bool HasDefault = false, object? Default = null);

/// <summary>Anything a template can call: builtins, host functions, template-defined functions.</summary>
internal interface ICallable
{
    int ParameterCount { get; }

    int RequiredParameterCount { get; }

    ParamsKind ParamsKind { get; }

    /// <summary>The parameter at <paramref name="index"/>; indexes past the end map to the last one.</summary>
    ParameterSpec GetParameter(int index);

    object? Invoke(RenderContext context, Node? caller, ArgumentList arguments, BlockStatement? block);
}

/// <summary>Base of callables that are only functions (not also objects).</summary>
internal abstract class Callable : ICallable
{
    public abstract int ParameterCount { get; }

    public abstract int RequiredParameterCount { get; }

    public abstract ParamsKind ParamsKind { get; }

    public abstract ParameterSpec GetParameter(int index);

    public abstract object? Invoke(RenderContext context, Node? caller, ArgumentList arguments, BlockStatement? block);
}

/// <summary>
/// Argument values being bound for one call. Rented from the render context and returned after the
/// call, so functions must not keep a reference to it.
/// </summary>
internal sealed class ArgumentList
{
    private object?[] _values = new object?[8];

    public int Count { get; private set; }

    /// <summary>Named arguments that match no parameter (only for <see cref="ParamsKind.Direct"/> functions).</summary>
    public TemplateObject? Named { get; set; }

    public object? this[int index]
    {
        get => index < Count ? _values[index] : null;
        set
        {
            if (index >= _values.Length)
            {
                Array.Resize(ref _values, Math.Max(index + 1, _values.Length * 2));
            }

            if (index >= Count)
            {
                Array.Clear(_values, Count, index - Count);
                Count = index + 1;
            }

            _values[index] = value;
        }
    }

    public ReadOnlySpan<object?> AsSpan() => new(_values, 0, Count);

    public void Add(object? value) => this[Count] = value;

    /// <summary>The arguments as a template array (what <c>$</c> holds inside a function).</summary>
    public TemplateArray ToTemplateArray()
    {
        var array = new TemplateArray(Count);
        for (var i = 0; i < Count; i++)
        {
            array.Add(_values[i]);
        }

        if (Named is not null)
        {
            foreach (var (name, value) in Named)
            {
                ((IScriptObject)array).TrySetValue(name, value, false);
            }
        }

        return array;
    }

    public void Reset()
    {
        Array.Clear(_values, 0, Count);
        Count = 0;
        Named = null;
    }
}
