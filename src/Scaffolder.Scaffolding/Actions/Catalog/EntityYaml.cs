using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Scaffolder.Scaffolding.Actions.Catalog;

/// <summary>
/// Writes JSON as block-style YAML. Strings that a YAML 1.2 or 1.1 reader would read back as something
/// else (<c>"true"</c>, <c>"1.0"</c>, <c>"null"</c>, <c>"yes"</c>, <c>"2024-01-01"</c>) are quoted, so
/// the file parses to the same JSON whichever reader a tool uses.
/// </summary>
public static partial class EntityYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .WithEventEmitter(next => new QuoteYaml11Scalars(next))
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

    // YAML 1.1 booleans and timestamps, which YAML 1.2 readers take as strings but 1.1 readers do not.
    [GeneratedRegex("^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)$")]
    private static partial Regex Yaml11Scalar();

    private sealed class QuoteYaml11Scalars(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && Yaml11Scalar().IsMatch(text))
            {
                eventInfo.Style = ScalarStyle.DoubleQuoted;
            }

            base.Emit(eventInfo, emitter);
        }
    }
}
