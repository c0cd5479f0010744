using System.Text.Json.Nodes;

namespace Scaffolder.JsonSchema;

/// <summary>Writes validation errors in the JSON shape Backstage's scaffolder answers with.</summary>
public static class ValidationErrorJson
{
    /// <summary>The 400 body of <c>POST /v2/tasks</c> and <c>POST /v2/dry-run</c>: <c>{"errors": [ValidationError...]}</c>.</summary>
    public static JsonObject ToBackstageBody(IEnumerable<SchemaValidationError> errors) =>
        new() { ["errors"] = new JsonArray(errors.Select(e => (JsonNode?)ToJson(e)).ToArray()) };

    /// <summary>
    /// One error as <c>{path, property, message, schema, instance, name, argument, stack}</c>, in
    /// that key order; <c>instance</c> and <c>argument</c> are left out when the library leaves them undefined.
    /// </summary>
    public static JsonObject ToJson(SchemaValidationError error)
    {
        var json = new JsonObject
        {
            ["path"] = PathToJson(error.Path),
            ["property"] = error.Property,
            ["message"] = error.Message,
            ["schema"] = error.Schema?.DeepClone(),
        };
        if (error.HasInstance)
        {
            json["instance"] = error.Instance?.DeepClone();
        }

        json["name"] = error.Name;
        if (error.HasArgument)
        {
            json["argument"] = error.Argument?.DeepClone();
        }

        json["stack"] = error.Stack;
        return json;
    }

    internal static JsonArray PathToJson(IReadOnlyList<object> path) =>
        new(path.Select(segment => segment is int index ? (JsonNode?)JsonValue.Create(index) : JsonValue.Create((string)segment)).ToArray());
}
