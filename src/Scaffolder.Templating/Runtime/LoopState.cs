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

    public bool ValueChanged { get; set; }

    public bool IsTableRow { get; init; }

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

    public void ResetLast() => _isLastTaken = false;

    /// <summary>Looks one item ahead (once per iteration) to know whether this is the last one.</summary>
    public bool MoveNextAndIsLast()
    {
        if (_iterator is null)
        {
            return false;
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
