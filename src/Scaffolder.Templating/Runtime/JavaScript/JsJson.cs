using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaffolder.Templating.Runtime.JavaScript;

/// <summary>
/// JSON in JavaScript's terms: <c>JSON.stringify</c> (Nunjucks' <c>dump</c>), its round trip to
/// <see cref="JsonNode"/>, and the conversion of JSON input into runtime values.
/// </summary>
internal static class JsJson
{
    /// <summary>Deeper values are cut off rather than risking the stack.</summary>
    private const int MaxNesting = 256;

    /// <summary>
    /// <c>JSON.stringify(value, null, indent)</c>; null when JavaScript returns <c>undefined</c>
    /// (undefined or a function at the top).
    /// </summary>
    public static string? Stringify(object? value, string? indent = null)
    {
        if (IsSkipped(value))
        {
            return null;
        }

        var builder = new StringBuilder();
        Write(builder, value, string.IsNullOrEmpty(indent) ? null : indent, string.Empty, 0);
        return builder.ToString();
    }

    /// <summary>The indent argument of <c>JSON.stringify</c>: a count of spaces (at most 10) or a string (first 10 characters).</summary>
    public static string? IndentFrom(object? spaces) => spaces switch
    {
        string text => text.Length > 10 ? text[..10] : text,
        _ when JsValues.IsNumber(spaces) => new string(' ', (int)Math.Clamp(Math.Floor(JsValues.ToNumber(spaces)), 0, 10)),
        _ => null,
    };

    /// <summary>Values that JSON leaves out: undefined and functions.</summary>
    private static bool IsSkipped(object? value) => value is null || JsValues.IsFunction(value);

    private static void Write(StringBuilder builder, object? value, string? indent, string currentIndent, int depth)
    {
        switch (value)
        {
            case JsNull:
                builder.Append("null");
                return;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                return;
            case string text:
                WriteString(builder, text);
                return;
        }

        if (JsValues.IsNumber(value))
        {
            var number = JsValues.ToNumber(value);
            builder.Append(double.IsFinite(number) ? JsValues.NumberToString(number) : "null");
            return;
        }

        if (value is DateTime date)
        {
            WriteString(builder, date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            return;
        }

        if (depth >= MaxNesting || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsTypeError("Converting a too deeply nested structure to JSON");
        }

        var innerIndent = indent is null ? currentIndent : currentIndent + indent;
        if (JsValues.IsArray(value))
        {
            builder.Append('[');
            var first = true;
            foreach (var item in ObjectAccess.Enumerate(value!))
            {
                if (!first)
                {
                    builder.Append(',');
                }

                first = false;
                NewLine(builder, indent, innerIndent);
                if (IsSkipped(item))
                {
                    builder.Append("null");
                }
                else
                {
                    Write(builder, item, indent, innerIndent, depth + 1);
                }
            }

            if (!first)
            {
                NewLine(builder, indent, currentIndent);
            }

            builder.Append(']');
            return;
        }

        if (value is not null && ObjectAccess.TryEnumerateMembers(value, out var members))
        {
            builder.Append('{');
            var first = true;
            foreach (var (name, member) in members)
            {
                if (IsSkipped(member))
                {
                    continue;
                }

                if (!first)
                {
                    builder.Append(',');
                }

                first = false;
                NewLine(builder, indent, innerIndent);
                WriteString(builder, name);
                builder.Append(indent is null ? ":" : ": ");
                Write(builder, member, indent, innerIndent, depth + 1);
            }

            if (!first)
            {
                NewLine(builder, indent, currentIndent);
            }

            builder.Append('}');
            return;
        }

        // Opaque host values have no JSON form of their own.
        builder.Append("{}");
    }

    private static void NewLine(StringBuilder builder, string? indent, string currentIndent)
    {
        if (indent is not null)
        {
            builder.Append('\n').Append(currentIndent);
        }
    }

    /// <summary>ECMAScript QuoteJSONString: short escapes, other controls and lone surrogates as <c>\u00xx</c>.</summary>
    public static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < 0x20
                        || (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
                        || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]))))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>
    /// <c>JSON.parse(JSON.stringify(value))</c> as a node: false when the value is undefined (the key
    /// should be dropped).
    /// </summary>
    public static bool TryToJsonNode(object? value, out JsonNode? node)
    {
        var text = Stringify(value);
        if (text is null)
        {
            node = null;
            return false;
        }

        node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = MaxNesting + 8 });
        return true;
    }

    /// <summary>JSON input as runtime values: objects in JavaScript's key order (integer keys first), JSON null becomes <see cref="JsNull"/>.</summary>
    public static object? FromJsonNode(JsonNode? node, int depth = 0)
    {
        if (depth >= MaxNesting || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ArgumentException("The JSON value is too deeply nested.");
        }

        switch (node)
        {
            case null:
                return JsNull.Value;
            case JsonObject obj:
                var dictionary = new Dictionary<string, object?>(obj.Count, StringComparer.Ordinal);
                foreach (var (name, member) in JsValues.InJsKeyOrder(obj.Select(pair => KeyValuePair.Create(pair.Key, (object?)pair.Value))))
                {
                    dictionary[name] = FromJsonNode((JsonNode?)member, depth + 1);
                }

                return dictionary;
            case JsonArray array:
                var list = new List<object?>(array.Count);
                foreach (var item in array)
                {
                    list.Add(FromJsonNode(item, depth + 1));
                }

                return list;
            case JsonValue value:
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.Number => JsValues.ToNumber(ObjectAccess.FromHost(value)),
                    JsonValueKind.Null => JsNull.Value,
                    _ => value.ToJsonString(),
                };
            default:
                return JsNull.Value;
        }
    }
}
