using System.Text.Json.Nodes;

namespace Scaffolder.Hierarchy.Inheritance;

/// <summary>A value that differs between two versions.</summary>
public sealed record ValueChange(JsonNode? From, JsonNode? To);

/// <summary>
/// Keys added, changed and removed between two versions of a node's values. Keys are flattened:
/// <c>tags.&lt;key&gt;</c>, <c>config.&lt;key&gt;</c>, or a field name such as <c>owner</c> or <c>state</c>.
/// </summary>
public sealed record ValueDiff(
    IReadOnlyDictionary<string, JsonNode?> Added,
    IReadOnlyDictionary<string, ValueChange> Changed,
    IReadOnlyDictionary<string, JsonNode?> Removed)
{
    private static readonly HashSet<string> MapFields = new(["tags", "config"], StringComparer.Ordinal);

    public bool HasChanges => Added.Count > 0 || Changed.Count > 0 || Removed.Count > 0;

    /// <summary>Compares two snapshots (objects whose <c>tags</c> and <c>config</c> are maps); either may be absent.</summary>
    public static ValueDiff Between(JsonObject? before, JsonObject? after)
    {
        var from = Flatten(before);
        var to = Flatten(after);
        var added = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        var changed = new SortedDictionary<string, ValueChange>(StringComparer.Ordinal);
        var removed = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in to)
        {
            if (!from.TryGetValue(key, out var old))
            {
                added[key] = value?.DeepClone();
            }
            else if (!JsonNode.DeepEquals(old, value))
            {
                changed[key] = new ValueChange(old?.DeepClone(), value?.DeepClone());
            }
        }

        foreach (var (key, value) in from)
        {
            if (!to.ContainsKey(key))
            {
                removed[key] = value?.DeepClone();
            }
        }

        return new ValueDiff(added, changed, removed);
    }

    private static Dictionary<string, JsonNode?> Flatten(JsonObject? snapshot)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (snapshot is null)
        {
            return result;
        }

        foreach (var (field, value) in snapshot)
        {
            if (MapFields.Contains(field) && value is JsonObject map)
            {
                foreach (var (key, item) in map)
                {
                    result[$"{field}.{key}"] = item;
                }
            }
            else if (value is not null)
            {
                // An absent field and a null one read the same (e.g. no title).
                result[field] = value;
            }
        }

        return result;
    }
}
