namespace Scaffolder.Templating.Runtime.Nunjucks;

/// <summary>
/// A Nunjucks frame: the variables a <c>set</c> or a loop defines, chained to the enclosing frame.
/// As in Nunjucks, a variable holding undefined (null here) counts as absent, and <c>set</c> writes
/// to the nearest frame that already has the name.
/// </summary>
internal sealed class NunjucksFrame
{
    private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);

    public NunjucksFrame(NunjucksFrame? parent, bool isolateWrites = false)
    {
        Parent = parent;
        IsolateWrites = isolateWrites;
    }

    public NunjucksFrame? Parent { get; }

    /// <summary>Writes never propagate past this frame (reads may).</summary>
    public bool IsolateWrites { get; }

    public IEnumerable<string> Names => _variables.Where(pair => pair.Value is not null).Select(pair => pair.Key);

    public bool TryLookup(string name, out object? value)
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            if (frame._variables.TryGetValue(name, out value) && value is not null)
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Defines <paramref name="name"/> in this frame.</summary>
    public void Define(string name, object? value) => _variables[name] = value;

    /// <summary>The value this frame itself holds (no lookup in parents).</summary>
    public object? Own(string name) => _variables.GetValueOrDefault(name);

    /// <summary>
    /// <c>{% set %}</c>: the frame that has the name gets the value, else this one. Only this frame's
    /// isolation is checked, as in Nunjucks' <c>resolve</c>.
    /// </summary>
    public void Assign(string name, object? value)
    {
        var owner = Has(name) ? this : IsolateWrites ? null : Parent?.Resolve(name);
        (owner ?? this)._variables[name] = value;
    }

    private bool Has(string name) => _variables.TryGetValue(name, out var value) && value is not null;

    private NunjucksFrame? Resolve(string name)
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            if (frame.Has(name))
            {
                return frame;
            }
        }

        return null;
    }
}
