using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Scaffolder.Catalog.Ingestion;

/// <summary>
/// Reads a YAML stream of one or more documents into JSON values, resolving plain scalars with the
/// YAML 1.2 core schema as Backstage's parser does (so <c>yes</c> stays a string and <c>1.0</c> is a
/// number). Aliases are expanded with a bound on total size, so a hostile file cannot blow up memory.
/// </summary>
public static partial class YamlDocuments
{
    private const int MaxNodes = 1_000_000;

    /// <summary>
    /// Parses every document. A syntax error ends the stream: documents before it are returned and
    /// the error is reported as one more document.
    /// </summary>
    public static IReadOnlyList<YamlDocument> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var documents = new List<YamlDocument>();
        var parser = new Parser(new StringReader(text));
        var reader = new Reader(parser);
        try
        {
            parser.Consume<StreamStart>();
            while (!parser.TryConsume<StreamEnd>(out _))
            {
                parser.Consume<DocumentStart>();
                var value = parser.Accept<DocumentEnd>(out _) ? null : reader.ReadNode();
                parser.Consume<DocumentEnd>();
                documents.Add(new YamlDocument(documents.Count, value, null));
            }
        }
        catch (YamlException e)
        {
            documents.Add(new YamlDocument(documents.Count, null, Describe(e)));
        }
        catch (InvalidDataException e)
        {
            documents.Add(new YamlDocument(documents.Count, null, e.Message));
        }

        return documents;
    }

    private static string Describe(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        return string.Create(CultureInfo.InvariantCulture, $"YAML syntax error at line {e.Start.Line}, column {e.Start.Column}: {message}");
    }

    private sealed class Reader(IParser parser)
    {
        private readonly Dictionary<string, JsonNode?> _anchors = new(StringComparer.Ordinal);
        private int _nodes;

        public JsonNode? ReadNode()
        {
            if (++_nodes > MaxNodes)
            {
                throw new InvalidDataException($"YAML document is too large: more than {MaxNodes} values (after expanding aliases).");
            }

            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new YamlException(alias.Start, alias.End, $"Unknown alias *{alias.Value.Value}");
                }

                _nodes += CountNodes(target);
                return target?.DeepClone();
            }

            if (parser.TryConsume<Scalar>(out var scalar))
            {
                var value = Resolve(scalar);
                Remember(scalar.Anchor, value);
                return value;
            }

            if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                var array = new JsonArray();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    array.Add(ReadNode());
                }

                Remember(sequenceStart.Anchor, array);
                return array;
            }

            var mappingStart = parser.Consume<MappingStart>();
            var obj = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyStart = parser.Current?.Start ?? Mark.Empty;
                var key = ReadNode() switch
                {
                    null => "null",
                    JsonValue v => v.ToString(),
                    _ => throw new YamlException(keyStart, keyStart, "Mapping keys must be scalars"),
                };
                if (obj.ContainsKey(key))
                {
                    throw new YamlException(keyStart, keyStart, $"Map keys must be unique; \"{key}\" is repeated");
                }

                obj[key] = ReadNode();
            }

            Remember(mappingStart.Anchor, obj);
            return obj;
        }

        private void Remember(AnchorName anchor, JsonNode? value)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = value?.DeepClone();
            }
        }

        private static int CountNodes(JsonNode? node) => node switch
        {
            JsonArray array => 1 + array.Sum(CountNodes),
            JsonObject obj => 1 + obj.Sum(p => CountNodes(p.Value)),
            _ => 1,
        };
    }

    private static JsonNode? Resolve(Scalar scalar)
    {
        var text = scalar.Value;
        if (!scalar.Tag.IsEmpty)
        {
            return scalar.Tag.Value switch
            {
                "tag:yaml.org,2002:str" => JsonValue.Create(text),
                "tag:yaml.org,2002:null" => null,
                "tag:yaml.org,2002:bool" => JsonValue.Create(bool.Parse(text)),
                "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" => ResolvePlain(text),
                _ => JsonValue.Create(text),
            };
        }

        return scalar.Style is ScalarStyle.Plain ? ResolvePlain(text) : JsonValue.Create(text);
    }

    private static JsonNode? ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (DecimalInteger().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                ? JsonValue.Create(integer)
                : JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
        }

        if (OctalInteger().IsMatch(text))
        {
            return JsonValue.Create(Convert.ToInt64(text[2..], 8));
        }

        if (HexInteger().IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        if (FloatNumber().IsMatch(text))
        {
            return JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        // JSON has no infinities or NaN: keep them as the text the author wrote.
        return JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^0o[0-7]+$")]
    private static partial Regex OctalInteger();

    [GeneratedRegex("^0x[0-9a-fA-F]+$")]
    private static partial Regex HexInteger();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatNumber();
}
