using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Api.Http;
using Scaffolder.Common.Errors;

namespace Scaffolder.Api.Endpoints.Scaffolder;

/// <summary>JSON answers and request fields of the scaffolder API.</summary>
internal static class ScaffolderJson
{
    /// <summary>Scaffolder bodies (dry runs carry whole templates and their files) may be up to 10 MB.</summary>
    public const long BodyLimit = 10 * 1024 * 1024;

    public static IResult Json(JsonNode node, int statusCode = StatusCodes.Status200OK) =>
        RawJson.Value(node.ToJsonString(JsonDefaults.Options), statusCode);

    public static JsonObject OptionalObject(JsonObject body, string field) => body[field] switch
    {
        null => new JsonObject(),
        JsonObject value => (JsonObject)value.DeepClone(),
        _ => throw new InputError($"Malformed request body: \"{field}\" must be an object"),
    };

    /// <summary>A <c>secrets</c> map: an object whose values are strings.</summary>
    public static IReadOnlyDictionary<string, string> Secrets(JsonObject body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (body["secrets"])
        {
            case null:
                return result;
            case JsonObject secrets:
                foreach (var (name, value) in secrets)
                {
                    result[name] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                        ? v.GetValue<string>()
                        : throw new InputError($"Malformed request body: secret \"{name}\" must be a string");
                }

                return result;
            default:
                throw new InputError("Malformed request body: \"secrets\" must be an object of strings");
        }
    }
}
