using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Model;

namespace Scaffolder.Hierarchy.Service;

/// <summary>
/// Reads nodes written as JSON (request bodies, and estate files after YAML parsing) into drafts
/// and patches, naming the offending field on any problem.
/// </summary>
public static class NodeDocuments
{
    private static readonly HashSet<string> DraftFields =
        ["namespace", "name", "level", "parent", "title", "description", "owner", "abstract", "tags", "config", "locked", "children"];

    private static readonly HashSet<string> PatchFields = ["title", "description", "owner", "abstract", "tags", "config", "locked"];

    /// <summary>An estate: <c>{"nodes": [draft, ...]}</c>, each draft possibly with nested <c>children</c>.</summary>
    public static IReadOnlyList<NodeDraft> ParseEstate(JsonNode? document)
    {
        if (document is not JsonObject root || root["nodes"] is not JsonArray nodes)
        {
            throw new InputError("An estate is an object with a \"nodes\" array of nodes");
        }

        if (root.Select(p => p.Key).FirstOrDefault(k => k != "nodes") is { } unknown)
        {
            throw new InputError($"Unknown field \"{unknown}\" in the estate; it has only \"nodes\"");
        }

        return nodes.Select((node, i) => ParseDraft(node, $"nodes[{i}]", topLevel: true)).ToList();
    }

    public static NodeDraft ParseDraft(JsonNode? node, string path = "node", bool topLevel = true)
    {
        if (node is not JsonObject json)
        {
            throw new InputError($"{path} must be an object");
        }

        RejectUnknown(json, DraftFields, path, "a node has");
        var name = OptionalString(json, "name", path) is { Length: > 0 } given
            ? given
            : throw new InputError($"{path}.name is required");
        var levelText = OptionalString(json, "level", path);
        NodeLevel? level = null;
        if (levelText is not null)
        {
            level = NodeLevels.TryParse(levelText, out var parsed)
                ? parsed
                : throw new InputError($"Invalid {path}.level \"{levelText}\": expected one of {NodeLevels.AllNames}");
        }

        var parent = OptionalString(json, "parent", path);
        if (!topLevel && parent is not null)
        {
            throw new InputError($"{path}.parent must be left out: a nested node's parent is the node it is nested in");
        }

        var childPath = $"{path}.children";
        var children = json["children"] switch
        {
            null => [],
            JsonArray array => array.Select((child, i) => ParseDraft(child, $"{childPath}[{i}]", topLevel: false)).ToList(),
            _ => throw new InputError($"{childPath} must be an array of nodes"),
        };
        return new NodeDraft
        {
            Namespace = OptionalString(json, "namespace", path),
            Name = name,
            Level = level,
            Parent = parent,
            Title = OptionalString(json, "title", path),
            Description = OptionalString(json, "description", path),
            Owner = OptionalString(json, "owner", path),
            Abstract = OptionalBoolean(json, "abstract", path),
            Tags = Tags(json["tags"], $"{path}.tags"),
            Config = Config(json["config"], $"{path}.config"),
            Locked = Locked(json["locked"], $"{path}.locked"),
            Children = children,
            Path = path,
        };
    }

    public static NodePatch ParsePatch(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        foreach (var field in new[] { "name", "namespace", "level" })
        {
            if (json.ContainsKey(field))
            {
                throw new InputError($"A node's {field} cannot be changed");
            }
        }

        if (json.ContainsKey("parent"))
        {
            throw new InputError("A node's parent is changed by moving it: POST .../move with {\"parent\": \"<name>\"}");
        }

        RejectUnknown(json, PatchFields, "update", "an update may set");
        return new NodePatch
        {
            Title = Field(json, "title", "update"),
            Description = Field(json, "description", "update"),
            Owner = Field(json, "owner", "update"),
            Abstract = OptionalBoolean(json, "abstract", "update"),
            Tags = json["tags"] is null ? null : PatchMap(json["tags"], "update.tags", v => AsString(v, "update.tags")),
            Config = json["config"] is null ? null : PatchMap(json["config"], "update.config", v => v.DeepClone()),
            Locked = json["locked"] is null ? null : Locked(json["locked"], "update.locked"),
        };
    }

    private static void RejectUnknown(JsonObject json, HashSet<string> allowed, string path, string description)
    {
        if (json.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k)) is { } unknown)
        {
            throw new InputError($"Unknown field \"{unknown}\" in {path}; {description} {string.Join(", ", allowed)}");
        }
    }

    private static Optional<string?> Field(JsonObject json, string field, string path) =>
        json.TryGetPropertyValue(field, out var value)
            ? Optional<string?>.Of(value is null ? null : AsString(value, $"{path}.{field}"))
            : Optional<string?>.Unset;

    private static string? OptionalString(JsonObject json, string field, string path) =>
        json[field] is { } value ? AsString(value, $"{path}.{field}") : null;

    private static bool? OptionalBoolean(JsonObject json, string field, string path) => json[field] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => throw new InputError($"{path}.{field} must be true or false"),
    };

    private static string AsString(JsonNode value, string path) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw new InputError($"{path} must be a string");

    private static Dictionary<string, string> Tags(JsonNode? node, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Map(node, path))
        {
            result[key] = value is null ? throw new InputError($"{path}.{key} must be a string") : AsString(value, $"{path}.{key}");
        }

        return result;
    }

    private static Dictionary<string, JsonNode> Config(JsonNode? node, string path)
    {
        var result = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (key, value) in Map(node, path))
        {
            result[key] = value?.DeepClone() ?? throw new InputError($"{path}.{key} must not be null; leave the key out instead");
        }

        return result;
    }

    private static Dictionary<string, T?> PatchMap<T>(JsonNode? node, string path, Func<JsonNode, T> read)
        where T : class
    {
        var result = new Dictionary<string, T?>(StringComparer.Ordinal);
        foreach (var (key, value) in Map(node, path))
        {
            result[key] = value is null ? null : read(value);
        }

        return result;
    }

    private static JsonObject Map(JsonNode? node, string path) => node switch
    {
        null => [],
        JsonObject map => map,
        _ => throw new InputError($"{path} must be an object of key/value pairs"),
    };

    private static LockedKeys Locked(JsonNode? node, string path)
    {
        if (node is null)
        {
            return LockedKeys.None;
        }

        if (node is not JsonObject json)
        {
            throw new InputError($"{path} must be an object: {{\"tags\": [keys], \"config\": [keys]}}");
        }

        RejectUnknown(json, ["tags", "config"], path, "it has");
        return LockedKeys.Of(Keys(json["tags"], $"{path}.tags"), Keys(json["config"], $"{path}.config"));
    }

    private static IEnumerable<string> Keys(JsonNode? node, string path) => node switch
    {
        null => [],
        JsonArray array => array.Select(item => item is null ? throw new InputError($"{path} must be an array of strings") : AsString(item, path)).ToList(),
        _ => throw new InputError($"{path} must be an array of strings"),
    };
}
