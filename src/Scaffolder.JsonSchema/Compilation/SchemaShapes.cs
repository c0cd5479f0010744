using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Compilation;

/// <summary>What counts as a schema, and how other values are named in problem messages.</summary>
internal static class SchemaShapes
{
    public const string Kinds = "a schema (an object or a boolean)";

    public static bool IsSchema(JsonNode? node) =>
        node is JsonObject || JsonValues.Kind(node) is JsonValueKind.True or JsonValueKind.False;

    public static string Describe(JsonNode? node) => JsonValues.Kind(node) switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "an object",
    };
}
