using System.Collections;

namespace Scaffolder.Templating.Runtime;

/// <summary>Index-based read access to the list shapes a loop can walk without an enumerator.</summary>
internal readonly struct IndexedList
{
    private readonly List<object?>? _items;
    private readonly bool _fromHost;
    private readonly IList? _otherItems;

    private IndexedList(List<object?>? items, bool fromHost, IList? otherItems)
    {
        _items = items;
        _fromHost = fromHost;
        _otherItems = otherItems;
    }

    public int Count => _items?.Count ?? _otherItems!.Count;

    public object? this[int index]
    {
        get
        {
            if (_items is not null)
            {
                var item = _items[index];
                return _fromHost && item is not (null or string or int or bool or Dictionary<string, object?> or List<object?>) ? ObjectAccess.FromHost(item) : item;
            }

            return ObjectAccess.FromHost(_otherItems![index]);
        }
    }

    public static IndexedList? TryCreate(object value) => value switch
    {
        TemplateArray array => new IndexedList(array.Items, false, null),
        TemplateRange range => new IndexedList(range.Items, false, null),
        List<object?> hostList => new IndexedList(hostList, true, null),
        IList list => new IndexedList(null, false, list),
        _ => null,
    };
}
