using System.Collections;

namespace Scaffolder.Templating.Runtime;

/// <summary>
/// The object behind <c>for.*</c>, <c>while.*</c> and <c>tablerow.*</c>: position, first/last,
/// parity, change detection and, for tablerow, the column.
/// </summary>
internal sealed class LoopState : IScriptObject
{
    private IEnumerator<object?>? _iterator;
    private IEnumerable<object?>? _source;
    private bool _isLast;
    private bool _isLastTaken;
    private int? _length;

    public int Index { get; set; }

    private object? _previousValue;
    private object? _currentValue;

    /// <summary>Records the item of this iteration (for <c>changed</c>, computed only when read).</summary>
    public void SetCurrent(int index, object? value)
    {
        Index = index;
        _previousValue = index == 0 ? null : _currentValue;
        _currentValue = value;
    }

    private bool ValueChanged => Index == 0 || !(_list is null ? Equals(_previousValue, _currentValue) : Equals(ItemAt(Index - 1), ItemAt(Index)));

    public bool IsTableRow { get; set; }

    /// <summary>
    /// The object itself was read as a value (<c>x = for</c>), so it may outlive its loop and must not
    /// be reused. Reads of its members (<c>for.index</c>) do not set this.
    /// </summary>
    public bool Escaped { get; set; }

    /// <summary>Back to a fresh state for reuse by another loop of the same render.</summary>
    public void Reset(bool isTableRow)
    {
        _iterator = null;
        _source = null;
        _isLast = false;
        _isLastTaken = false;
        _length = null;
        Index = 0;
        _previousValue = null;
        _currentValue = null;
        IsTableRow = isTableRow;
        Column = 0;
        ColumnFirst = false;
        ColumnLast = false;
        _list = null;
        _firstPosition = 0;
        _reversed = false;
        Escaped = false;
    }

    public int Column { get; set; }

    public bool ColumnFirst { get; set; }

    public bool ColumnLast { get; set; }

    public int Count => 0;

    public IEnumerable<string> Keys => [];

    public void SetSource(IEnumerable<object?> source, IEnumerator<object?> iterator)
    {
        _source = source;
        _iterator = iterator;
    }

    private IndexedList? _list;
    private int _firstPosition;
    private bool _reversed;

    /// <summary>
    /// Iterating a list of known length by index: <c>last</c> needs no look-ahead, and <c>changed</c>
    /// reads the previous item from the list (nothing is stored per iteration).
    /// </summary>
    public void SetIndexed(IndexedList list, int firstPosition, bool reversed, int length)
    {
        _list = list;
        _firstPosition = firstPosition;
        _reversed = reversed;
        _length = length;
        _iterator = null;
        _source = null;
    }

    private object? ItemAt(int index) => _list!.Value[_reversed ? _firstPosition - index : _firstPosition + index];

    public void ResetLast() => _isLastTaken = false;

    /// <summary>Looks one item ahead (once per iteration) to know whether this is the last one.</summary>
    public bool MoveNextAndIsLast()
    {
        if (_iterator is null)
        {
            return _length is { } length && Index == length - 1;
        }

        if (!_isLastTaken)
        {
            _isLast = !_iterator.MoveNext();
            _isLastTaken = true;
        }

        return _isLast;
    }

    private int Length => _length ??= _source switch
    {
        null => 0,
        ICollection collection => collection.Count,
        IReadOnlyCollection<object?> collection => collection.Count,
        _ => _source.Count(),
    };

    public bool Contains(string name) => name switch
    {
        "index" or "first" or "even" or "odd" or "last" or "length" or "rindex" or "changed" => true,
        "col" or "col0" or "col_first" or "col_last" => IsTableRow,
        _ => false,
    };

    public bool TryGetValue(string name, out object? value)
    {
        value = name switch
        {
            "index" => Box.Int(Index),
            "length" => Box.Int(Length),
            "first" => Box.Bool(Index == 0),
            "even" => Box.Bool((Index & 1) == 0),
            "odd" => Box.Bool((Index & 1) != 0),
            "last" => Box.Bool(MoveNextAndIsLast()),
            "changed" => Box.Bool(ValueChanged),
            "rindex" => Box.Int(Length - Index - 1),
            "col" or "col0" when IsTableRow => Box.Int(Column),
            "col_first" when IsTableRow => Box.Bool(ColumnFirst),
            "col_last" when IsTableRow => Box.Bool(ColumnLast),
            _ => null,
        };
        return value is not null;
    }

    public bool CanWrite(string name) => false;

    public bool TrySetValue(string name, object? value, bool readOnly) => false;

    public bool Remove(string name) => false;

    public void SetReadOnly(string name, bool readOnly)
    {
    }
}
