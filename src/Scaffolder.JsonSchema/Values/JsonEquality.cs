using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaffolder.JsonSchema.Values;

/// <summary>
/// Structural equality of JSON values as JSON Schema defines it (numbers by mathematical value,
/// objects regardless of key order), with a matching hash so <c>uniqueItems</c> runs in linear time.
/// </summary>
internal sealed class JsonEquality : IEqualityComparer<JsonNode?>
{
    public static readonly JsonEquality Instance = new();

    public bool Equals(JsonNode? x, JsonNode? y)
    {
        var kind = JsonValues.Kind(x);
        if (kind != JsonValues.Kind(y))
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Object:
                {
                    var a = (JsonObject)x!;
                    var b = (JsonObject)y!;
                    if (a.Count != b.Count)
                    {
                        return false;
                    }

                    foreach (var (key, value) in a)
                    {
                        if (!b.TryGetPropertyValue(key, out var other) || !Equals(value, other))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            case JsonValueKind.Array:
                {
                    var a = (JsonArray)x!;
                    var b = (JsonArray)y!;
                    if (a.Count != b.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < a.Count; i++)
                    {
                        if (!Equals(a[i], b[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            case JsonValueKind.String:
                JsonValues.TryGetString(x, out var sx);
                JsonValues.TryGetString(y, out var sy);
                return string.Equals(sx, sy, StringComparison.Ordinal);
            case JsonValueKind.Number:
                return JsonValues.TryGetNumber(x, out var nx) && JsonValues.TryGetNumber(y, out var ny) && nx.Equals(ny);
            default:
                return true;
        }
    }

    public int GetHashCode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return 0;
            case JsonObject obj:
                {
                    // Order-independent: objects with the same members in another order hash alike.
                    var hash = 17;
                    foreach (var (key, value) in obj)
                    {
                        hash += HashCode.Combine(string.GetHashCode(key, StringComparison.Ordinal), GetHashCode(value));
                    }

                    return hash;
                }

            case JsonArray array:
                {
                    var hash = new HashCode();
                    hash.Add(array.Count);
                    foreach (var item in array)
                    {
                        hash.Add(GetHashCode(item));
                    }

                    return hash.ToHashCode();
                }
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.String => JsonValues.TryGetString(node, out var s) ? string.GetHashCode(s, StringComparison.Ordinal) : 1,
            JsonValueKind.Number => JsonValues.TryGetNumber(node, out var n) ? n.GetHashCode() : 2,
            JsonValueKind.True => 3,
            JsonValueKind.False => 4,
            _ => 0,
        };
    }
}
