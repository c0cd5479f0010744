using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema;

/// <summary>Writes validation errors in the JSON shape Backstage's scaffolder answers with.</summary>
public static class ValidationErrorJson
{
    /// <summary>The 400 body of <c>POST /v2/tasks</c> and <c>POST /v2/dry-run</c>: <c>{"errors": [ValidationError...]}</c>.</summary>
    public static JsonObject ToBackstageBody(IEnumerable<SchemaValidationError> errors) =>
        new() { ["errors"] = new JsonArray(errors.Select(e => (JsonNode?)ToJson(e)).ToArray()) };

    /// <summary>
    /// The 400 body for request <c>secrets</c> that fail the template's <c>spec.secrets.schema</c>, as
    /// Backstage writes it: <c>property</c> starts with <c>secrets</c>, a missing secret reads
    /// <c>secrets.&lt;name&gt; is required</c>, other messages are prefixed with the property, and
    /// <c>instance</c> is always <c>{}</c> so no secret value is echoed. <c>stack</c> is left as the
    /// library wrote it. Pass errors from validating with the default root name (<c>instance</c>).
    /// </summary>
    public static JsonObject ToBackstageSecretsBody(IEnumerable<SchemaValidationError> errors) =>
        new() { ["errors"] = new JsonArray(errors.Select(e => (JsonNode?)ToSecretsJson(e)).ToArray()) };

    private static JsonObject ToSecretsJson(SchemaValidationError error)
    {
        const string root = "instance";
        var property = error.Property.StartsWith(root, StringComparison.Ordinal)
            ? "secrets" + error.Property[root.Length..]
            : error.Property;
        var message = error.Name == "required"
            ? "secrets." + (error.HasArgument ? JsText.ToJsString(error.Argument) : "undefined") + " is required"
            : property + " " + error.Message;

        var json = ToJson(error);
        json["property"] = property;
        json["message"] = message;
        json["instance"] = new JsonObject();
        return json;
    }

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
