using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaffolder.Hierarchy.Model;

/// <summary>How a node's tags, config and locks are written as JSON text: keys sorted, so equal content is equal text.</summary>
public static class NodeJson
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Serialize(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    public static JsonObject TagsToJson(IReadOnlyDictionary<string, string> tags)
    {
        var json = new JsonObject();
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        return json;
    }

    public static JsonObject ConfigToJson(IReadOnlyDictionary<string, JsonNode> config)
    {
        var json = new JsonObject();
        foreach (var (key, value) in config.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            json[key] = value.DeepClone();
        }

        return json;
    }

    public static IReadOnlyDictionary<string, string> ParseTags(string json)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in ParseObject(json))
        {
            result[key] = value!.GetValue<string>();
        }

        return result;
    }

    public static IReadOnlyDictionary<string, JsonNode> ParseConfig(string json)
    {
        var result = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (key, value) in ParseObject(json))
        {
            result[key] = value!.DeepClone();
        }

        return result;
    }

    public static JsonObject ParseObject(string json) =>
        JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("Stored hierarchy JSON is not an object.");
}
