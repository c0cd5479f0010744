using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;

namespace Scaffolder.Api.Http;

/// <summary>Typed reads of fields of a JSON request body, each failing with a message naming the field.</summary>
public static class JsonBody
{
    public static string? OptionalString(JsonObject body, string field) => body[field] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw new InputError($"Malformed request body: \"{field}\" must be a string"),
    };

    public static string RequiredString(JsonObject body, string field) =>
        OptionalString(body, field) is { Length: > 0 } value
            ? value
            : throw new InputError($"Malformed request body: \"{field}\" is required and must be a non-empty string");

    public static IReadOnlyList<string> StringList(JsonObject body, string field) => body[field] switch
    {
        null => [],
        JsonArray array => array.Select(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw new InputError($"Malformed request body: \"{field}\" must be an array of strings")).ToList(),
        _ => throw new InputError($"Malformed request body: \"{field}\" must be an array of strings"),
    };

    public static int? OptionalInteger(JsonObject body, string field) => body[field] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var number) => number,
        _ => throw new InputError($"Malformed request body: \"{field}\" must be an integer"),
    };
}
