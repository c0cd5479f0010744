using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Storage.Catalog;

namespace Scaffolder.Catalog.Search;

/// <summary>
/// Flattens an entity into the rows filters, ordering and facets run against, the way Backstage's
/// <c>buildEntitySearch</c> does: dot-joined paths, scalars as text, array elements under the
/// array's key (string elements also as <c>key.element = true</c>), relations as
/// <c>relations.&lt;type&gt; = targetRef</c>; keys and values lowercased.
/// </summary>
public static class SearchIndexBuilder
{
    public const int MaxKeyLength = 200;
    public const int MaxValueLength = 200;

    private static readonly HashSet<string> SkippedPaths =
        new(["attachments", "relations", "status", "metadata.name", "metadata.namespace", "metadata.uid", "metadata.etag"], StringComparer.Ordinal);

    /// <summary>Builds the rows; throws <see cref="InvalidOperationException"/> when keys differ only in casing.</summary>
    public static IReadOnlyList<SearchRow> Build(JsonObject entity, IEnumerable<EntityRelation> relations)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var raw = new List<(string Key, string? Value)>();
        Visit(string.Empty, entity, raw);
        raw.Add(("metadata.name", EntityJson.Name(entity)));
        raw.Add(("metadata.namespace", EntityJson.Namespace(entity)));
        if (EntityJson.Uid(entity) is { } uid)
        {
            raw.Add(("metadata.uid", uid));
        }

        foreach (var relation in relations)
        {
            raw.Add(($"relations.{relation.Type}", relation.TargetRef));
        }

        var distinctKeys = raw.Select(r => r.Key).Distinct(StringComparer.Ordinal).ToList();
        if (distinctKeys.Count != distinctKeys.Select(EntityRef.Lower).Distinct(StringComparer.Ordinal).Count())
        {
            throw new InvalidOperationException("Entity has duplicate keys that vary only in casing");
        }

        var rows = new List<SearchRow>(raw.Count);
        var seen = new HashSet<(string, string?)>();
        foreach (var (rawKey, rawValue) in raw)
        {
            var key = EntityRef.Lower(rawKey);
            if (key.Length > MaxKeyLength)
            {
                continue;
            }

            var row = rawValue is null || rawValue.Length > MaxValueLength
                ? new SearchRow(key, null, null)
                : new SearchRow(key, rawValue, EntityRef.Lower(rawValue));
            // One row per key and value: an entity counts once in facets and sorts by one value.
            if (seen.Add((row.Key, row.Value)))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private static void Visit(string path, JsonNode? node, List<(string, string?)> output)
    {
        if (SkippedPaths.Contains(path))
        {
            return;
        }

        switch (node)
        {
            case null:
                output.Add((path, null));
                break;
            case JsonValue value:
                output.Add((path, ScalarText(value)));
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Visit(path, item, output);
                    if (item is JsonValue itemValue && itemValue.GetValueKind() == JsonValueKind.String)
                    {
                        output.Add(($"{path}.{itemValue.GetValue<string>()}", "true"));
                    }
                }

                break;
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Visit(path.Length == 0 ? key : $"{path}.{key}", child, output);
                }

                break;
        }
    }

    /// <summary>A scalar as JavaScript's <c>String(value)</c> would print it.</summary>
    public static string? ScalarText(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => NumberText(value),
        _ => null,
    };

    private static string NumberText(JsonValue value)
    {
        if (value.TryGetValue<long>(out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        var number = value.GetValue<double>();
        return number == Math.Floor(number) && Math.Abs(number) < 1e21
            ? number.ToString("F0", CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
    }
}
