using System.Collections;

namespace Scaffolder.Templating.Runtime;

/// <summary>Index-based read access to the list shapes a loop can walk without an enumerator.</summary>
internal readonly struct IndexedList
{
    private readonly List<object?>? _engineItems;
    private readonly IList? _hostItems;

    private IndexedList(List<object?>? engineItems, IList? hostItems)
    {
        _engineItems = engineItems;
        _hostItems = hostItems;
    }

    public int Count => _engineItems?.Count ?? _hostItems!.Count;

    public object? this[int index] => _engineItems is not null ? _engineItems[index] : ObjectAccess.FromHost(_hostItems![index]);

    public static IndexedList? TryCreate(object value) => value switch
    {
        TemplateArray array => new IndexedList(array.Items, null),
        TemplateRange range => new IndexedList(range.Items, null),
        IList list => new IndexedList(null, list),
        _ => null,
    };
}
