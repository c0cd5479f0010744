using System.Text.Json.Nodes;

namespace Scaffolder.JsonSchema.Values;

/// <summary>
/// Property order as JavaScript enumerates an object: array-index keys ("0", "1", ...) first in
/// ascending order, then the other keys in insertion order. The reference library reports errors
/// in that order.
/// </summary>
internal static class JsKeyOrder
{
    public static IEnumerable<KeyValuePair<string, JsonNode?>> Enumerate(JsonObject obj)
    {
        var hasIndexKey = false;
        foreach (var (key, _) in obj)
        {
            if (IsArrayIndex(key))
            {
                hasIndexKey = true;
                break;
            }
        }

        if (!hasIndexKey)
        {
            return obj;
        }

        var indexed = new List<(uint Index, KeyValuePair<string, JsonNode?> Entry)>();
        var named = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var entry in obj)
        {
            if (TryGetArrayIndex(entry.Key, out var index))
            {
                indexed.Add((index, entry));
            }
            else
            {
                named.Add(entry);
            }
        }

        indexed.Sort((a, b) => a.Index.CompareTo(b.Index));
        return indexed.Select(pair => pair.Entry).Concat(named);
    }

    private static bool IsArrayIndex(string key) => TryGetArrayIndex(key, out _);

    private static bool TryGetArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        ulong value = 0;
        foreach (var c in key)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (ulong)(c - '0');
        }

        // 2^32 - 1 is not an array index.
        if (value >= uint.MaxValue)
        {
            return false;
        }

        index = (uint)value;
        return true;
    }
}
