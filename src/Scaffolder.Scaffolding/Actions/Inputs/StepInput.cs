using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;

namespace Scaffolder.Scaffolding.Actions.Inputs;

/// <summary>
/// Typed reads of a step's input. The engine validates input against the action's schema first, but
/// actions are also called directly, so every read checks its type again and names the input when it
/// is wrong: <c>fetch:template: input 'targetPath' must be a string, not a number</c>.
/// </summary>
public sealed class StepInput(string actionId, JsonObject input)
{
    public string ActionId { get; } = actionId;

    public JsonObject Raw { get; } = input;

    public bool Has(string name) => Raw.TryGetPropertyValue(name, out var value) && value is not null;

    public string? String(string name)
    {
        var node = Get(name);
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw Error(name, $"must be a string, not {Describe(node)}");
    }

    public string RequiredString(string name) =>
        String(name) is { Length: > 0 } text ? text : throw Error(name, "is required and must be a non-empty string");

    public bool Boolean(string name, bool fallback = false)
    {
        var node = Get(name);
        if (node is null)
        {
            return fallback;
        }

        return node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : throw Error(name, $"must be true or false, not {Describe(node)}");
    }

    public double? Number(string name)
    {
        var node = Get(name);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            // The value may wrap a JsonElement or any CLR number type; its JSON text reads the same either way.
            var number = double.Parse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
            return double.IsFinite(number) ? number : throw Error(name, "must be a finite number");
        }

        throw Error(name, $"must be a number, not {Describe(node)}");
    }

    public JsonObject? Object(string name)
    {
        var node = Get(name);
        return node switch
        {
            null => null,
            JsonObject obj => obj,
            _ => throw Error(name, $"must be an object, not {Describe(node)}"),
        };
    }

    public JsonArray? Array(string name)
    {
        var node = Get(name);
        return node switch
        {
            null => null,
            JsonArray array => array,
            _ => throw Error(name, $"must be an array, not {Describe(node)}"),
        };
    }

    /// <summary>A list of strings; a missing input is an empty list.</summary>
    public IReadOnlyList<string> Strings(string name)
    {
        var array = Array(name);
        if (array is null)
        {
            return [];
        }

        var result = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            result.Add(array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String
                ? value.GetValue<string>()
                : throw Error($"{name}[{i}]", $"must be a string, not {Describe(array[i])}"));
        }

        return result;
    }

    /// <summary>A map of string values (<c>repoVariables</c>, <c>secrets</c>); numbers and booleans are turned into their text.</summary>
    public IReadOnlyDictionary<string, string>? StringMap(string name)
    {
        var obj = Object(name);
        if (obj is null)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in obj)
        {
            result[key] = node is JsonValue value
                ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
                : throw Error($"{name}.{key}", $"must be a string, not {Describe(node)}");
        }

        return result;
    }

    /// <summary>Deserialises an input into a typed request fragment; a shape that does not fit is an input error.</summary>
    public T? As<T>(string name, JsonSerializerOptions options)
    {
        var node = Get(name);
        if (node is null)
        {
            return default;
        }

        try
        {
            return node.Deserialize<T>(options);
        }
        catch (JsonException e)
        {
            throw Error(name, $"has the wrong shape: {e.Message}");
        }
    }

    public InputError Error(string name, string problem) => new($"{ActionId}: input '{name}' {problem}");

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };

    private JsonNode? Get(string name) => Raw.TryGetPropertyValue(name, out var node) ? node : null;
}
