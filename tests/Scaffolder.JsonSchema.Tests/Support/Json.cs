using System.Text.Json.Nodes;

namespace Scaffolder.JsonSchema.Tests.Support;

internal static class Json
{
    public static JsonNode? Parse(string json) => JsonNode.Parse(json);

    public static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";
}
