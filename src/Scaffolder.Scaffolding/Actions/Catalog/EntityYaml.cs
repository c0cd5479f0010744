using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace Scaffolder.Scaffolding.Actions.Catalog;

/// <summary>
/// Writes JSON as block-style YAML. Strings that YAML would read back as something else
/// (<c>"true"</c>, <c>"1.0"</c>, <c>"null"</c>, <c>"yes"</c>) are quoted, so the file parses to the same JSON.
/// </summary>
public static class EntityYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    public static string Write(JsonNode? node) => Serializer.Serialize(ToPlain(node));

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => Mapping(obj),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Number(value),
            _ => null,
        },
        _ => null,
    };

    private static OrderedDictionary<string, object?> Mapping(JsonObject obj)
    {
        // Keys keep the order they were given in, as a person reading the file expects.
        var mapping = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            mapping.Add(key, ToPlain(value));
        }

        return mapping;
    }

    private static object Number(JsonValue value)
    {
        var text = value.ToJsonString();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            ? exact
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
