namespace Scaffolder.Templating.Runtime;

/// <summary>
/// The variables a loop defines (its loop variable and <c>for</c>/<c>while</c>/<c>tablerow</c>).
/// Holds a handful of names, so a linear scan beats hashing; names come from the syntax tree's name
/// table, so reference comparison usually decides.
/// </summary>
internal sealed class LoopStore : IScriptObject
{
    private string[] _names = new string[4];
    private ValueBox[] _values = new ValueBox[4];
    private int _count;

    /// <summary>A value box in a struct array: stores skip the covariance check of object arrays.</summary>
    private struct ValueBox
    {
        public object? Value;
    }

    public int Count => _count;

    public IEnumerable<string> Keys => _names.Take(_count);

    public bool Contains(string name) => IndexOf(name) >= 0;

    public bool TryGetValue(string name, out object? value)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            value = _values[index].Value;
            return true;
        }

        value = null;
        return false;
    }

    public bool CanWrite(string name) => true;

    public bool TrySetValue(string name, object? value, bool readOnly)
    {
        SetShared(Syntax.NameTable.Get(name), value);
        return true;
    }

    /// <summary>Sets a variable whose name comes from the name table (syntax-tree names, the loop literals).</summary>
    public void SetShared(string name, object? value) => _values[SlotOfShared(name)].Value = value;

    private int SlotOfShared(string name)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            if (_count == _names.Length)
            {
                Array.Resize(ref _names, _count * 2);
                Array.Resize(ref _values, _count * 2);
            }

            index = _count++;
            _names[index] = name;
        }

        return index;
    }

    public bool Remove(string name)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            return false;
        }

        _count--;
        _names[index] = _names[_count];
        _values[index] = _values[_count];
        _values[_count].Value = null;
        return true;
    }

    public void SetReadOnly(string name, bool readOnly)
    {
    }

    /// <summary>The slot of <paramref name="name"/> (from the name table), created if needed (a loop assigns its variable by slot).</summary>
    public int Slot(string name) => SlotOfShared(name);

    public void SetAt(int slot, object? value) => _values[slot].Value = value;

    public object? ValueAt(int slot) => _values[slot].Value;

    public void Clear()
    {
        Array.Clear(_values, 0, _count);
        _count = 0;
    }

    /// <remarks>
    /// Names stored here and names looked up come from the name table (syntax-tree names, literals),
    /// so reference comparison nearly always decides; characters are compared only when the table was
    /// full.
    /// </remarks>
    private int IndexOf(string name)
    {
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_names[i], name))
            {
                return i;
            }
        }

        if (!Syntax.NameTable.Overflowed)
        {
            return -1;
        }

        for (var i = 0; i < _count; i++)
        {
            if (Syntax.NameTable.Same(_names[i], name))
            {
                return i;
            }
        }

        return -1;
    }
}
