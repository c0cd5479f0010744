using System.Text.Json.Nodes;

namespace Scaffolder.Hierarchy.Model;

/// <summary>Tag and config keys a node locks: no descendant may define them.</summary>
public sealed record LockedKeys(IReadOnlyList<string> Tags, IReadOnlyList<string> Config)
{
    public static LockedKeys None { get; } = new([], []);

    public bool IsEmpty => Tags.Count == 0 && Config.Count == 0;

    public static LockedKeys Of(IEnumerable<string> tags, IEnumerable<string> config) =>
        new(tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            config.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    public JsonObject ToJson() => new()
    {
        ["tags"] = new JsonArray(Tags.Select(t => (JsonNode)t).ToArray()),
        ["config"] = new JsonArray(Config.Select(c => (JsonNode)c).ToArray()),
    };

    public static LockedKeys FromJson(JsonObject json) => Of(Strings(json["tags"]), Strings(json["config"]));

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(item => item!.GetValue<string>()) : [];
}
