using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaffolder.Catalog.Model;

/// <summary>JSON settings for entities: compact, and non-ASCII text kept as is (as JavaScript's JSON.stringify does).</summary>
public static class CatalogJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static JsonNodeOptions NodeOptions { get; } = new() { PropertyNameCaseInsensitive = false };

    public static string Serialize(JsonNode? node) => node?.ToJsonString(Options) ?? "null";

    public static JsonObject ParseObject(string json) =>
        JsonNode.Parse(json, NodeOptions) as JsonObject ?? throw new InvalidOperationException("Stored entity JSON is not an object.");
}
