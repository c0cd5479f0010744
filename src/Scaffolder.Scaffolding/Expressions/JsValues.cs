using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaffolder.Scaffolding.Expressions;

/// <summary>JavaScript's text conversion of JSON values, for messages that show a value the way Backstage prints it.</summary>
public static class JsValues
{
    /// <summary>How a value prints inside text (<c>String(value)</c>): nothing for null, arrays comma-joined, objects as <c>[object Object]</c>.</summary>
    public static string ToText(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonArray array => string.Join(",", array.Select(ToText)),
        JsonObject => "[object Object]",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => NumberText(Number(v)),
            _ => string.Empty,
        },
        _ => value.ToJsonString(),
    };

    private static double Number(JsonValue value) => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    private static string NumberText(double number) =>
        number == Math.Floor(number) && Math.Abs(number) < 1e21
            ? number.ToString("0", CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);
}
