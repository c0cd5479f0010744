using System.Collections;

namespace Scaffolder.Templating.Runtime;

/// <summary>
/// The template language's object: members in insertion order, each optionally read-only.
/// Hosts receive it as a read-only dictionary.
/// </summary>
internal sealed class TemplateObject : IScriptObject, IReadOnlyDictionary<string, object?>
{
    private readonly Dictionary<string, Slot> _members;

    public TemplateObject()
        : this(0)
    {
    }

    public TemplateObject(int capacity) => _members = new Dictionary<string, Slot>(capacity, StringComparer.Ordinal);

    private struct Slot
    {
        public object? Value;
        public bool ReadOnly;
    }

    public int Count => _members.Count;

    public IEnumerable<string> Keys => _members.Keys;

    IEnumerable<object?> IReadOnlyDictionary<string, object?>.Values => _members.Values.Select(slot => slot.Value);

    public object? this[string key] => _members.TryGetValue(key, out var slot) ? slot.Value : null;

    public bool Contains(string name) => _members.ContainsKey(name);

    public bool ContainsKey(string key) => _members.ContainsKey(key);

    public bool TryGetValue(string name, out object? value)
    {
        if (_members.TryGetValue(name, out var slot))
        {
            value = slot.Value;
            return true;
        }

        value = null;
        return false;
    }

    public bool CanWrite(string name) => !_members.TryGetValue(name, out var slot) || !slot.ReadOnly;

    public bool TrySetValue(string name, object? value, bool readOnly)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_members, name, out var exists);
        if (exists && slot.ReadOnly)
        {
            return false;
        }

        slot.Value = value;
        slot.ReadOnly = readOnly;
        return true;
    }

    /// <summary>Sets a member regardless of its read-only flag.</summary>
    public void SetValue(string name, object? value, bool readOnly = false) =>
        _members[name] = new Slot { Value = value, ReadOnly = readOnly };

    public bool Remove(string name) => _members.Remove(name);

    public void SetReadOnly(string name, bool readOnly)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_members, name);
        if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref slot))
        {
            slot.ReadOnly = readOnly;
        }
    }

    public void Clear() => _members.Clear();

    /// <summary>Copies every member of <paramref name="source"/> whose name is not read-only here.</summary>
    public void Import(TemplateObject source)
    {
        foreach (var (name, slot) in source._members)
        {
            if (CanWrite(name))
            {
                _members[name] = new Slot { Value = slot.Value };
            }
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        foreach (var (name, slot) in _members)
        {
            yield return new KeyValuePair<string, object?>(name, slot.Value);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
