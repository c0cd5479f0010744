namespace Scaffolder.Templating.Runtime;

/// <summary>
/// The variables a loop defines (its loop variable and <c>for</c>/<c>while</c>/<c>tablerow</c>).
/// Holds a handful of names, so a linear scan beats hashing; names come from the syntax tree and are
/// interned, so reference comparison usually decides.
/// </summary>
internal sealed class LoopStore : IScriptObject
{
    private string[] _names = new string[4];
    private object?[] _values = new object?[4];
    private int _count;

    public int Count => _count;

    public IEnumerable<string> Keys => _names.Take(_count);

    public bool Contains(string name) => IndexOf(name) >= 0;

    public bool TryGetValue(string name, out object? value)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            value = _values[index];
            return true;
        }

        value = null;
        return false;
    }

    public bool CanWrite(string name) => true;

    public bool TrySetValue(string name, object? value, bool readOnly)
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

        _values[index] = value;
        return true;
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
        _values[_count] = null;
        return true;
    }

    public void SetReadOnly(string name, bool readOnly)
    {
    }

    public void Clear()
    {
        Array.Clear(_values, 0, _count);
        _count = 0;
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_names[i], name))
            {
                return i;
            }
        }

        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
