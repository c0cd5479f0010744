using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaffolder.Scaffolding.Expressions.Scriban;

/// <summary>Turns values handed to host functions by the template engine back into JSON.</summary>
internal static class HostJson
{
    public static JsonNode? From(object? value, int depth = 0)
    {
        if (depth > 64)
        {
            throw new ExpressionFunctionException("Value is nested too deeply");
        }

        return value switch
        {
            null => null,
            JsonNode node => node.DeepClone(),
            JsonElement element => JsonSerializer.SerializeToNode(element),
            string text => JsonValue.Create(text),
            bool flag => JsonValue.Create(flag),
            int number => JsonValue.Create(number),
            long number => JsonValue.Create(number),
            double number => JsonValue.Create(number),
            float number => JsonValue.Create(number),
            decimal number => JsonValue.Create(number),
            BigInteger number => JsonNode.Parse(number.ToString(CultureInfo.InvariantCulture)),
            IReadOnlyDictionary<string, object?> map => Object(map, depth),
            IDictionary<string, object?> map => Object(map, depth),
            IEnumerable items => new JsonArray(items.Cast<object?>().Select(item => From(item, depth + 1)).ToArray()),
            _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
        };
    }

    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        _ => JsValues.ToText(From(value)),
    };

    private static JsonObject Object(IEnumerable<KeyValuePair<string, object?>> members, int depth)
    {
        var result = new JsonObject();
        foreach (var (key, member) in members)
        {
            result[key] = From(member, depth + 1);
        }

        return result;
    }
}
