using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaffolder.Catalog.Validation;

/// <summary>
/// Shape checks over JSON nodes that report problems with the wording of the JSON-Schema validator
/// Backstage uses (ajv), e.g. <c>/spec must have required property 'owner' - missingProperty: owner</c>.
/// </summary>
internal static class JsonShape
{
    public static string Describe(string path) => path.Length == 0 ? "<root>" : path;

    public static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    public static string? AsString(JsonNode? node) => IsString(node) ? node!.GetValue<string>() : null;

    public static string Required(string parentPath, string property) =>
        $"{Describe(parentPath)} must have required property '{property}' - missingProperty: {property}";

    public static string WrongType(string path, string type) => $"{Describe(path)} must be {type} - type: {type}";

    public static string TooShort(string path) => $"{Describe(path)} must NOT have fewer than 1 characters - limit: 1";

    public static string NotInEnum(string path, IEnumerable<string> allowed) =>
        $"{Describe(path)} must be equal to one of the allowed values - allowedValues: {string.Join(',', allowed)}";

    /// <summary>A string with at least one character; appends the problem and returns false otherwise.</summary>
    public static bool CheckNonEmptyString(JsonNode? node, string path, ICollection<string> errors)
    {
        if (!IsString(node))
        {
            errors.Add(WrongType(path, "string"));
            return false;
        }

        if (node!.GetValue<string>().Length == 0)
        {
            errors.Add(TooShort(path));
            return false;
        }

        return true;
    }

    public static void CheckStringArray(JsonNode? node, string path, ICollection<string> errors)
    {
        if (node is not JsonArray array)
        {
            errors.Add(WrongType(path, "array"));
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            CheckNonEmptyString(array[i], $"{path}/{i}", errors);
        }
    }

    public static void CheckStringMap(JsonNode? node, string path, ICollection<string> errors)
    {
        if (node is not JsonObject map)
        {
            errors.Add(WrongType(path, "object"));
            return;
        }

        foreach (var (key, value) in map)
        {
            if (!IsString(value))
            {
                errors.Add(WrongType($"{path}/{EscapePointer(key)}", "string"));
            }
        }
    }

    /// <summary>JSON-Pointer escaping of one path segment (<c>~</c> and <c>/</c>).</summary>
    public static string EscapePointer(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
