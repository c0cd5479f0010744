using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaffolder.JsonSchema.Values;

/// <summary>Reads JSON kinds, strings and numbers from nodes, whatever CLR value backs a <see cref="JsonValue"/>.</summary>
internal static class JsonValues
{
    public static JsonValueKind Kind(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    public static bool IsObject(JsonNode? node) => node is JsonObject;

    public static bool IsArray(JsonNode? node) => node is JsonArray;

    public static bool IsBoolean(JsonNode? node, out bool value)
    {
        switch (Kind(node))
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static bool TryGetString(JsonNode? node, out string value)
    {
        value = string.Empty;
        if (node is not JsonValue jsonValue || jsonValue.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        if (jsonValue.TryGetValue<string>(out var text))
        {
            value = text;
            return true;
        }

        value = JsonSerializer.Deserialize<string>(jsonValue.ToJsonString()) ?? string.Empty;
        return true;
    }

    /// <summary>The exact value of a JSON number; false for non-numbers and non-finite doubles.</summary>
    public static bool TryGetNumber(JsonNode? node, out JsonNumber number)
    {
        number = default;
        if (node is not JsonValue jsonValue || jsonValue.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        if (jsonValue.TryGetValue<JsonElement>(out var element))
        {
            if (element.TryGetInt64(out var whole))
            {
                number = JsonNumber.FromInt64(whole);
                return true;
            }

            return JsonNumber.TryParse(element.GetRawText(), out number);
        }

        // Values built in code hold CLR numbers; read the common ones directly rather than re-serialising.
        if (jsonValue.TryGetValue<int>(out var int32))
        {
            number = JsonNumber.FromInt64(int32);
            return true;
        }

        if (jsonValue.TryGetValue<long>(out var int64))
        {
            number = JsonNumber.FromInt64(int64);
            return true;
        }

        if (jsonValue.TryGetValue<double>(out var d))
        {
            if (!double.IsFinite(d))
            {
                return false;
            }

            number = JsonNumber.FromDouble(d);
            return true;
        }

        if (jsonValue.TryGetValue<float>(out var f) && !float.IsFinite(f))
        {
            return false;
        }

        return JsonNumber.TryParse(jsonValue.ToJsonString(), out number);
    }

    /// <summary>JavaScript truthiness of a JSON value (used where the reference library tests <c>schema.$id || ...</c>).</summary>
    public static bool IsTruthy(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => false,
        JsonValueKind.String => TryGetString(node, out var s) && s.Length > 0,
        JsonValueKind.Number => TryGetNumber(node, out var n) && !n.IsZero,
        _ => true,
    };
}
