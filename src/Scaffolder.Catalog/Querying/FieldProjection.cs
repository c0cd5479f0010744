using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;

namespace Scaffolder.Catalog.Querying;

/// <summary>
/// The <c>fields=</c> selection: keeps only the listed dot paths of each entity. Path segments are
/// re-joined greedily, so keys that themselves contain dots (annotation keys) resolve.
/// </summary>
public sealed class FieldProjection
{
    private readonly IReadOnlyList<string> _paths;

    private FieldProjection(IReadOnlyList<string> paths) => _paths = paths;

    /// <summary>Parses one or more <c>fields</c> values (each comma-separated); null when none were given.</summary>
    public static FieldProjection? Parse(IEnumerable<string>? values)
    {
        var paths = (values ?? []).SelectMany(v => v.Split(','))
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (paths.Count == 0)
        {
            return null;
        }

        if (paths.Any(p => p.Contains('[', StringComparison.Ordinal)))
        {
            throw new InputError("Array type fields are not supported");
        }

        return new FieldProjection(paths);
    }

    public JsonObject Apply(JsonObject entity)
    {
        var output = new JsonObject();
        foreach (var path in _paths)
        {
            var (segments, value) = Locate(entity, path);
            if (value is not null && segments.Count > 0)
            {
                Set(output, segments, value.DeepClone());
            }
        }

        return output;
    }

    private static (List<string> Segments, JsonNode? Value) Locate(JsonObject entity, string field)
    {
        var parts = field.Split('.');
        var segments = new List<string>();
        JsonNode? current = entity;
        for (var i = 0; i < parts.Length; i++)
        {
            if (current is JsonObject obj && obj.TryGetPropertyValue(parts[i], out var child))
            {
                segments.Add(parts[i]);
                current = child;
            }
            else if (i + 1 < parts.Length)
            {
                parts[i + 1] = $"{parts[i]}.{parts[i + 1]}";
            }
            else
            {
                return (segments, null);
            }
        }

        return (segments, current);
    }

    private static void Set(JsonObject output, List<string> segments, JsonNode value)
    {
        var target = output;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            if (target[segments[i]] is not JsonObject next)
            {
                next = [];
                target[segments[i]] = next;
            }

            target = next;
        }

        target[segments[^1]] = value;
    }
}
