namespace Scaffolder.Templating.Runtime;

/// <summary>A minimal array-backed stack for the scope machinery (cheaper indexing than List).</summary>
internal sealed class SmallStack<T>
    where T : class
{
    private T[] _items = new T[4];

    public int Count { get; private set; }

    public T this[int index] => _items[index];

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }

        _items[Count++] = item;
    }

    /// <summary>Removes the item at <paramref name="index"/>, which must be the top one.</summary>
    public void RemoveAt(int index)
    {
        System.Diagnostics.Debug.Assert(index == Count - 1, "Only the top item can be removed.");
        _items[--Count] = null!;
    }

    public void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }

    public ReadOnlySpan<T> AsSpan() => new(_items, 0, Count);
}
