using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scaffolder.JsonSchema.Values;

/// <summary>
/// Text as JavaScript produces it: <c>String(value)</c>, <c>JSON.stringify</c>, number formatting
/// and the property paths of the <c>jsonschema</c> npm library, so messages read exactly as
/// Backstage's do.
/// </summary>
internal static class JsText
{
    /// <summary>JavaScript's <c>Number.prototype.toString()</c> for a double.</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        if (value < 0)
        {
            return "-" + FormatNumber(-value);
        }

        // Shortest round-trip digits, then ECMAScript's Number::toString layout rules.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var (digits, pointPosition) = SplitDigits(shortest);
        var k = digits.Length;
        var n = pointPosition;
        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }

        if (0 < n && n <= 21)
        {
            return digits[..n] + "." + digits[n..];
        }

        if (-6 < n && n <= 0)
        {
            return "0." + new string('0', -n) + digits;
        }

        var exponent = n - 1;
        var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
        return mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }

    private static (string Digits, int PointPosition) SplitDigits(string roundTrip)
    {
        var exponentAt = roundTrip.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(roundTrip[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? mantissa : mantissa[..dot];
        var fractionPart = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var all = integerPart + fractionPart;
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        var digits = all[leading..].TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, integerPart.Length - leading + exponent);
    }

    /// <summary>JavaScript's <c>String(value)</c>: arrays join their items with commas, objects read <c>[object Object]</c>.</summary>
    public static string ToJsString(JsonNode? node)
    {
        var builder = new StringBuilder();
        AppendJsString(builder, node, insideArray: false);
        return builder.ToString();
    }

    private static void AppendJsString(StringBuilder builder, JsonNode? node, bool insideArray)
    {
        switch (node)
        {
            case null:
                // Array.prototype.join renders null items as empty strings.
                builder.Append(insideArray ? string.Empty : "null");
                return;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    AppendJsString(builder, array[i], insideArray: true);
                }

                return;
            case JsonObject:
                builder.Append("[object Object]");
                return;
        }

        switch (node.GetValueKind())
        {
            case JsonValueKind.String:
                JsonValues.TryGetString(node, out var text);
                builder.Append(text);
                return;
            case JsonValueKind.Number:
                builder.Append(JsonValues.TryGetNumber(node, out var number) ? FormatNumber(number.ToDouble()) : "NaN");
                return;
            case JsonValueKind.True:
                builder.Append("true");
                return;
            case JsonValueKind.False:
                builder.Append("false");
                return;
            default:
                builder.Append(insideArray ? string.Empty : "null");
                return;
        }
    }

    /// <summary>JavaScript's <c>JSON.stringify</c> of a string.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        AppendQuoted(builder, value);
        return builder.ToString();
    }

    private static void AppendQuoted(StringBuilder builder, string value)
    {
        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || IsLoneSurrogate(value, i))
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

    private static bool IsLoneSurrogate(string value, int i)
    {
        var c = value[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
    }

    /// <summary>JavaScript's <c>JSON.stringify</c> of any JSON value (compact).</summary>
    public static string Stringify(JsonNode? node)
    {
        var builder = new StringBuilder();
        AppendStringified(builder, node);
        return builder.ToString();
    }

    private static void AppendStringified(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                return;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    AppendStringified(builder, array[i]);
                }

                builder.Append(']');
                return;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in JsKeyOrder.Enumerate(obj))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    AppendQuoted(builder, key);
                    builder.Append(':');
                    AppendStringified(builder, value);
                }

                builder.Append('}');
                return;
        }

        if (JsonValues.TryGetString(node, out var text))
        {
            AppendQuoted(builder, text);
        }
        else
        {
            AppendJsString(builder, node, insideArray: false);
        }
    }

    /// <summary>
    /// One step of the <c>jsonschema</c> library's property path: <c>.name</c> for plain names,
    /// <c>[0]</c> for digit-only keys and indexes, <c>["a b"]</c> otherwise.
    /// </summary>
    public static void AppendPropertySuffix(StringBuilder builder, object segment)
    {
        var key = segment is int index ? index.ToString(CultureInfo.InvariantCulture) : (string)segment;
        var hasSpecial = false;
        var allDigits = key.Length > 0;
        foreach (var c in key)
        {
            if (c == '.' || c == '[' || c == ']' || IsJsWhitespace(c))
            {
                hasSpecial = true;
            }

            if (!char.IsAsciiDigit(c))
            {
                allDigits = false;
            }
        }

        var startsWithDigit = key.Length > 0 && char.IsAsciiDigit(key[0]);
        if (!hasSpecial && !startsWithDigit)
        {
            builder.Append('.').Append(key);
        }
        else if (allDigits)
        {
            builder.Append('[').Append(key).Append(']');
        }
        else
        {
            builder.Append('[');
            AppendQuoted(builder, key);
            builder.Append(']');
        }
    }

    public static string FormatProperty(string rootName, IEnumerable<object> path)
    {
        var builder = new StringBuilder(rootName);
        foreach (var segment in path)
        {
            AppendPropertySuffix(builder, segment);
        }

        return builder.ToString();
    }

    /// <summary>ECMAScript's <c>\s</c> (WhiteSpace and LineTerminator).</summary>
    public static bool IsJsWhitespace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00a0' or '\u1680' or '\u2028' or '\u2029'
            or '\u202f' or '\u205f' or '\u3000' or '\ufeff' => true,
        _ => c >= '\u2000' && c <= '\u200a',
    };
}
