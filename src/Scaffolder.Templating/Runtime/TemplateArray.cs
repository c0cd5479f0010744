using System.Collections;

namespace Scaffolder.Templating.Runtime;

/// <summary>
/// The template language's array. Like Scriban's, it can also carry named properties
/// (<c>a.x = 1</c>) and exposes <c>size</c>. Hosts receive it as a list.
/// </summary>
internal sealed class TemplateArray : IList<object?>, IReadOnlyList<object?>, IList, IScriptObject
{
    private readonly List<object?> _items;
    private TemplateObject? _properties;

    public TemplateArray()
        : this(0)
    {
    }

    public TemplateArray(int capacity) => _items = new List<object?>(capacity);

    public TemplateArray(IEnumerable<object?> items) => _items = new List<object?>(items);

    public int Count => _items.Count;

    public bool IsReadOnly => false;

    bool IList.IsFixedSize => false;

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => this;

    /// <summary>Named properties, if any were assigned.</summary>
    public TemplateObject? Properties => _properties;

    IEnumerable<string> IScriptObject.Keys => _properties is null ? ["size"] : ["size", .. _properties.Keys];

    int IScriptObject.Count => _properties?.Count ?? 0;

    public object? this[int index]
    {
        get => index >= 0 && index < _items.Count ? _items[index] : null;
        set
        {
            if (index < 0)
            {
                return;
            }

            // Assigning past the end pads with nulls, as Scriban does.
            while (_items.Count <= index)
            {
                _items.Add(null);
            }

            _items[index] = value;
        }
    }

    public List<object?> Items => _items;

    public void Add(object? item) => _items.Add(item);

    public void AddRange(IEnumerable<object?> items) => _items.AddRange(items);

    public void Insert(int index, object? item) => _items.Insert(index, item);

    public void RemoveAt(int index) => _items.RemoveAt(index);

    public bool Remove(object? item) => _items.Remove(item);

    public void Clear() => _items.Clear();

    public bool Contains(object? item) => _items.Contains(item);

    public int IndexOf(object? item) => _items.IndexOf(item);

    public void CopyTo(object?[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    public IEnumerator<object?> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    int IList.Add(object? value)
    {
        _items.Add(value);
        return _items.Count - 1;
    }

    void IList.Remove(object? value) => _items.Remove(value);

    void ICollection.CopyTo(Array array, int index) => ((ICollection)_items).CopyTo(array, index);

    bool IScriptObject.Contains(string name) => name == "size" || (_properties?.Contains(name) ?? false);

    bool IScriptObject.TryGetValue(string name, out object? value)
    {
        if (name == "size")
        {
            value = _items.Count;
            return true;
        }

        if (_properties is not null)
        {
            return _properties.TryGetValue(name, out value);
        }

        value = null;
        return false;
    }

    bool IScriptObject.CanWrite(string name) => name != "size" && (_properties?.CanWrite(name) ?? true);

    bool IScriptObject.TrySetValue(string name, object? value, bool readOnly)
    {
        if (name == "size")
        {
            return false;
        }

        _properties ??= new TemplateObject();
        return _properties.TrySetValue(name, value, readOnly);
    }

    bool IScriptObject.Remove(string name) => _properties?.Remove(name) ?? false;

    void IScriptObject.SetReadOnly(string name, bool readOnly) => _properties?.SetReadOnly(name, readOnly);
}
