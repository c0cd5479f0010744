using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Scaffolder.Templating.Runtime.JavaScript;

/// <summary>
/// JavaScript's <c>null</c>. In JavaScript-like dialects the runtime's own null stands for
/// <c>undefined</c> (a missing name or member), so a present-but-null value needs its own marker:
/// the two differ in JSON output (<c>null</c> is kept, <c>undefined</c> dropped) and under <c>===</c>.
/// </summary>
internal sealed class JsNull
{
    public static readonly JsNull Value = new();

    private JsNull()
    {
    }

    public override string ToString() => "null";
}

/// <summary>A JavaScript <c>TypeError</c>-like failure inside a dialect function; the caller's location is added.</summary>
internal sealed class JsTypeError(string message) : Exception(message);

/// <summary>
/// JavaScript's value conversions (ECMAScript ToBoolean, ToNumber, ToString, ToPrimitive, <c>==</c>,
/// <c>===</c>) over the runtime's values. Numbers are doubles; lists and objects are any of the
/// runtime's list and object shapes.
/// </summary>
internal static partial class JsValues
{
    private const int MaxNesting = 64;

    public static bool IsNullish(object? value) => value is null || value is JsNull;

    public static bool IsNumber(object? value) =>
        value is double or int or long or float or decimal or short or byte or uint or ulong or BigInteger;

    public static bool IsArray(object? value) => value is not string && ObjectAccess.IsList(value);

    public static bool IsObject(object? value) => value is not null && !IsArray(value) && ObjectAccess.IsObjectLike(value);

    public static bool IsFunction(object? value) => Callables.TryGet(value, out _);

    public static bool IsTruthy(object? value) => value switch
    {
        null or JsNull => false,
        bool flag => flag,
        string text => text.Length > 0,
        double d => d != 0 && !double.IsNaN(d),
        _ when IsNumber(value) => ToNumber(value) != 0,
        _ => true,
    };

    public static string TypeOf(object? value) => value switch
    {
        null => "undefined",
        bool => "boolean",
        string => "string",
        _ when IsNumber(value) => "number",
        _ when IsFunction(value) => "function",
        _ => "object",
    };

    public static double ToNumber(object? value)
    {
        switch (value)
        {
            case null:
                return double.NaN;
            case JsNull:
                return 0;
            case double d:
                return d;
            case int i:
                return i;
            case long l:
                return l;
            case bool flag:
                return flag ? 1 : 0;
            case string text:
                return StringToNumber(text);
            case float f:
                return f;
            case decimal m:
                return (double)m;
            case BigInteger big:
                return (double)big;
            case short or byte or uint or ulong:
                return Convert.ToDouble(value, CultureInfo.InvariantCulture);
        }

        var primitive = ToPrimitive(value);
        return primitive is string converted ? StringToNumber(converted) : double.NaN;
    }

    /// <summary>ECMAScript StringToNumber: surrounding whitespace ignored, empty is 0, hex allowed, anything else NaN.</summary>
    public static double StringToNumber(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return 0;
        }

        if (trimmed.Length > 2 && trimmed[0] == '0' && (trimmed[1] == 'x' || trimmed[1] == 'X'))
        {
            return ulong.TryParse(trimmed.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : double.NaN;
        }

        switch (trimmed)
        {
            case "Infinity" or "+Infinity":
                return double.PositiveInfinity;
            case "-Infinity":
                return double.NegativeInfinity;
        }

        foreach (var c in trimmed)
        {
            // .NET also accepts "NaN", "∞" and the like; JavaScript only digits, sign, point and exponent.
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
            {
                return double.NaN;
            }
        }

        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;
    }

    /// <summary>ECMAScript ToPrimitive with the default hint: arrays and objects become their string forms.</summary>
    public static object? ToPrimitive(object? value) => value switch
    {
        null or JsNull or bool or string => value,
        _ when IsNumber(value) => value,
        _ => ToJsString(value),
    };

    /// <summary>JavaScript's <c>String(value)</c>.</summary>
    public static string ToJsString(object? value) => ToJsString(value, 0);

    private static string ToJsString(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return "undefined";
            case JsNull:
                return "null";
            case string text:
                return text;
            case bool flag:
                return flag ? "true" : "false";
            case double d:
                return NumberToString(d);
        }

        if (IsNumber(value))
        {
            return NumberToString(ToNumber(value));
        }

        if (IsArray(value))
        {
            // Array.prototype.join(","): undefined and null items print as nothing.
            if (depth >= MaxNesting || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                return string.Empty;
            }

            var builder = new StringBuilder();
            var first = true;
            foreach (var item in ObjectAccess.Enumerate(value!))
            {
                if (!first)
                {
                    builder.Append(',');
                }

                first = false;
                if (!IsNullish(item))
                {
                    builder.Append(ToJsString(item, depth + 1));
                }
            }

            return builder.ToString();
        }

        if (IsFunction(value))
        {
            return "function () { [native code] }";
        }

        return value is DateTime date
            ? date.ToString("ddd MMM dd yyyy HH:mm:ss 'GMT+0000'", CultureInfo.InvariantCulture)
            : "[object Object]";
    }

    /// <summary>ECMAScript Number::toString: shortest round-trip digits, exponent outside [1e-7, 1e21).</summary>
    public static string NumberToString(double value)
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

        if (Math.Abs(value) < 1e15 && value == Math.Floor(value))
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        // "R" gives the shortest round-trip digits; re-lay them out the way JavaScript does.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var point = text.IndexOf('.');
        var digits = point < 0 ? text : text.Remove(point, 1);
        var n = (point < 0 ? text.Length : point) + exponent;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..];
        n -= leading;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        var k = digits.Length;
        string result;
        if (k <= n && n <= 21)
        {
            result = digits + new string('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result = digits[..n] + "." + digits[n..];
        }
        else if (-6 < n && n <= 0)
        {
            result = "0." + new string('0', -n) + digits;
        }
        else
        {
            var exponentText = (n - 1 >= 0 ? "+" : "-") + Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture);
            result = k == 1 ? digits + "e" + exponentText : digits[..1] + "." + digits[1..] + "e" + exponentText;
        }

        return negative ? "-" + result : result;
    }

    /// <summary>JavaScript's <c>===</c>.</summary>
    public static bool StrictEquals(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (IsNumber(left))
        {
            return IsNumber(right) && ToNumber(left) == ToNumber(right);
        }

        return left switch
        {
            string text => right is string other && string.Equals(text, other, StringComparison.Ordinal),
            bool flag => right is bool other && flag == other,
            _ => ReferenceEquals(left, right),
        };
    }

    /// <summary>JavaScript's <c>==</c> (IsLooselyEqual).</summary>
    public static bool LooseEquals(object? left, object? right)
    {
        while (true)
        {
            if (IsNullish(left) || IsNullish(right))
            {
                return IsNullish(left) && IsNullish(right);
            }

            var leftPrimitive = IsPrimitive(left);
            var rightPrimitive = IsPrimitive(right);
            if (!leftPrimitive && !rightPrimitive)
            {
                return ReferenceEquals(left, right);
            }

            if (leftPrimitive && rightPrimitive)
            {
                if (left is bool || right is bool || IsNumber(left) || IsNumber(right))
                {
                    if (left is bool && right is bool)
                    {
                        return (bool)left == (bool)right;
                    }

                    return ToNumber(left) == ToNumber(right);
                }

                return StrictEquals(left, right);
            }

            // An object against a primitive: compare the object's primitive form.
            if (!leftPrimitive)
            {
                left = ToPrimitive(left);
            }
            else
            {
                right = ToPrimitive(right);
            }
        }
    }

    private static bool IsPrimitive(object? value) => value is null or JsNull or bool or string || IsNumber(value);

    /// <summary>JavaScript's relational comparison; false when either side is NaN.</summary>
    public static bool Compare(object? left, object? right, Func<int, bool> accept)
    {
        var leftPrimitive = ToPrimitive(left);
        var rightPrimitive = ToPrimitive(right);
        if (leftPrimitive is string a && rightPrimitive is string b)
        {
            return accept(string.CompareOrdinal(a, b));
        }

        var x = ToNumber(leftPrimitive);
        var y = ToNumber(rightPrimitive);
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return false;
        }

        return accept(x.CompareTo(y));
    }

    /// <summary>JavaScript's <c>parseInt(text, 10)</c>: the leading integer of the text, else NaN.</summary>
    public static double ParseInt(object? value)
    {
        var text = ToJsString(value).TrimStart();
        var end = 0;
        if (end < text.Length && text[end] is '+' or '-')
        {
            end++;
        }

        var digitsStart = end;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end == digitsStart ? double.NaN : double.Parse(text.AsSpan(0, end), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    /// <summary>JavaScript's <c>parseFloat(text)</c>: the leading decimal number of the text, else NaN.</summary>
    public static double ParseFloat(object? value)
    {
        var match = LeadingFloat().Match(ToJsString(value).TrimStart());
        return match.Success ? StringToNumber(match.Value) : double.NaN;
    }

    [GeneratedRegex(@"\A[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingFloat();
}
