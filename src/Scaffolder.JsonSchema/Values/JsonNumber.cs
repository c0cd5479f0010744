using System.Globalization;
using System.Numerics;

namespace Scaffolder.JsonSchema.Values;

/// <summary>
/// An exact decimal read from JSON number text: <c>±0.Digits × 10^PointPosition</c>, with
/// <see cref="Digits"/> free of leading and trailing zeros. Comparisons work on the digit text,
/// so they are exact and linear in the number's length, even for numbers no double can hold.
/// </summary>
internal readonly struct JsonNumber : IEquatable<JsonNumber>, IComparable<JsonNumber>
{
    private readonly string? _digits;

    private JsonNumber(bool negative, string digits, long pointPosition)
    {
        Negative = negative && digits.Length > 0;
        _digits = digits;
        PointPosition = digits.Length > 0 ? pointPosition : 0;
    }

    public bool Negative { get; }

    /// <summary>Significant digits; empty for zero (including <c>default</c>).</summary>
    public string Digits => _digits ?? string.Empty;

    /// <summary>Where the decimal point sits relative to the first digit (value = 0.Digits × 10^PointPosition).</summary>
    public long PointPosition { get; }

    public bool IsZero => Digits.Length == 0;

    public bool IsInteger => IsZero || PointPosition >= Digits.Length;

    public static JsonNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"'{text}' is not a JSON number.");

    /// <summary>Parses JSON number text (<c>-?int(.frac)?([eE][+-]?digits)?</c>).</summary>
    public static bool TryParse(string text, out JsonNumber number)
    {
        number = default;
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] == '-')
        {
            negative = true;
            i++;
        }

        var integerStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var integerPart = text.AsSpan(integerStart, i - integerStart);
        if (integerPart.Length == 0)
        {
            return false;
        }

        ReadOnlySpan<char> fraction = default;
        if (i < text.Length && text[i] == '.')
        {
            var fractionStart = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            fraction = text.AsSpan(fractionStart, i - fractionStart);
            if (fraction.Length == 0)
            {
                return false;
            }
        }

        long exponent = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            var exponentNegative = false;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                exponentNegative = text[i] == '-';
                i++;
            }

            var exponentStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                // Saturate: beyond this any exponent behaves the same for every comparison we make.
                if (exponent < 1_000_000_000_000_000L)
                {
                    exponent = (exponent * 10) + (text[i] - '0');
                }

                i++;
            }

            if (i == exponentStart)
            {
                return false;
            }

            if (exponentNegative)
            {
                exponent = -exponent;
            }
        }

        if (i != text.Length)
        {
            return false;
        }

        var all = string.Concat(integerPart, fraction);
        var firstNonZero = 0;
        while (firstNonZero < all.Length && all[firstNonZero] == '0')
        {
            firstNonZero++;
        }

        var lastNonZero = all.Length - 1;
        while (lastNonZero >= firstNonZero && all[lastNonZero] == '0')
        {
            lastNonZero--;
        }

        var digits = firstNonZero > lastNonZero ? string.Empty : all[firstNonZero..(lastNonZero + 1)];
        var pointPosition = integerPart.Length - firstNonZero + exponent;
        number = new JsonNumber(negative, digits, pointPosition);
        return true;
    }

    public static JsonNumber FromInt64(long value)
    {
        if (value == 0)
        {
            return default;
        }

        var magnitude = value == long.MinValue ? "9223372036854775808" : Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        return new JsonNumber(value < 0, magnitude.TrimEnd('0'), magnitude.Length);
    }

    public static JsonNumber FromDouble(double value) =>
        Parse(value.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e", StringComparison.Ordinal).Replace('E', 'e'));

    public double ToDouble() =>
        IsZero ? 0d : double.Parse(
            (Negative ? "-0." : "0.") + Digits + "e" + PointPosition.ToString(CultureInfo.InvariantCulture),
            NumberStyles.Float,
            CultureInfo.InvariantCulture);

    public int CompareTo(JsonNumber other)
    {
        if (Negative != other.Negative)
        {
            return Negative ? -1 : 1;
        }

        var magnitude = CompareMagnitude(this, other);
        return Negative ? -magnitude : magnitude;
    }

    private static int CompareMagnitude(JsonNumber a, JsonNumber b)
    {
        if (a.IsZero || b.IsZero)
        {
            return a.IsZero ? (b.IsZero ? 0 : -1) : 1;
        }

        if (a.PointPosition != b.PointPosition)
        {
            return a.PointPosition < b.PointPosition ? -1 : 1;
        }

        var common = Math.Min(a.Digits.Length, b.Digits.Length);
        var prefix = string.CompareOrdinal(a.Digits, 0, b.Digits, 0, common);
        if (prefix != 0)
        {
            return prefix < 0 ? -1 : 1;
        }

        // Equal prefixes: the longer digit string has further non-zero digits, so it is larger.
        return a.Digits.Length.CompareTo(b.Digits.Length);
    }

    /// <summary>
    /// Whether this number divided by <paramref name="divisor"/> (positive) is an integer, exactly.
    /// With value = m × 10^e (m without trailing zeros): m1·10^e1 / (m2·10^e2) is an integer iff
    /// e1 ≥ e2 and m2 divides m1·10^(e1−e2), computed with modular exponentiation so large
    /// exponents cost nothing.
    /// </summary>
    public bool IsMultipleOf(JsonNumber divisor)
    {
        if (IsZero)
        {
            return true;
        }

        var exponent = PointPosition - Digits.Length;
        var divisorExponent = divisor.PointPosition - divisor.Digits.Length;
        if (exponent < divisorExponent)
        {
            return false;
        }

        var m1 = BigInteger.Parse(Digits, CultureInfo.InvariantCulture);
        var m2 = BigInteger.Parse(divisor.Digits, CultureInfo.InvariantCulture);
        var scale = BigInteger.ModPow(10, new BigInteger(exponent - divisorExponent), m2);
        return (m1 % m2 * scale % m2).IsZero;
    }

    public bool Equals(JsonNumber other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is JsonNumber other && Equals(other);

    public override int GetHashCode() =>
        HashCode.Combine(Negative, string.GetHashCode(Digits, StringComparison.Ordinal), PointPosition);

    public override string ToString() => JsText.FormatNumber(ToDouble());
}
