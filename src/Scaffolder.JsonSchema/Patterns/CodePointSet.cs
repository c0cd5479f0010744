using System.Globalization;
using System.Text;

namespace Scaffolder.JsonSchema.Patterns;

/// <summary>A set of Unicode code points as sorted, merged, inclusive ranges.</summary>
internal sealed class CodePointSet
{
    public const int MaxCodePoint = 0x10FFFF;
    public const int MaxCodeUnit = 0xFFFF;

    private readonly List<(int Low, int High)> _ranges = [];
    private bool _normalized = true;

    public static CodePointSet Of(params (int Low, int High)[] ranges)
    {
        var set = new CodePointSet();
        foreach (var (low, high) in ranges)
        {
            set.Add(low, high);
        }

        return set;
    }

    public static CodePointSet Digits => Of(('0', '9'));

    public static CodePointSet WordCharacters => Of(('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z'));

    /// <summary>ECMAScript WhiteSpace and LineTerminator code points.</summary>
    public static CodePointSet Whitespace => Of(
        ('\t', '\r'), (' ', ' '), ('\u00a0', '\u00a0'), ('\u1680', '\u1680'), ('\u2000', '\u200a'),
        ('\u2028', '\u2029'), ('\u202f', '\u202f'), ('\u205f', '\u205f'), ('\u3000', '\u3000'), ('\ufeff', '\ufeff'));

    public static CodePointSet LineTerminators => Of(('\n', '\n'), ('\r', '\r'), ('\u2028', '\u2029'));

    public bool IsEmpty => _ranges.Count == 0;

    public void Add(int low, int high)
    {
        _ranges.Add((low, high));
        _normalized = false;
    }

    public void Add(CodePointSet other)
    {
        foreach (var range in other.Ranges)
        {
            Add(range.Low, range.High);
        }
    }

    public IReadOnlyList<(int Low, int High)> Ranges
    {
        get
        {
            Normalize();
            return _ranges;
        }
    }

    /// <summary>Everything in 0..<paramref name="max"/> not in this set.</summary>
    public CodePointSet Complement(int max)
    {
        var result = new CodePointSet();
        var next = 0;
        foreach (var (low, high) in Ranges)
        {
            if (low > next)
            {
                result.Add(next, Math.Min(low - 1, max));
            }

            next = Math.Max(next, high + 1);
            if (next > max)
            {
                break;
            }
        }

        if (next <= max)
        {
            result.Add(next, max);
        }

        return result;
    }

    public CodePointSet Without(int low, int high)
    {
        var result = new CodePointSet();
        foreach (var (a, b) in Ranges)
        {
            if (b < low || a > high)
            {
                result.Add(a, b);
                continue;
            }

            if (a < low)
            {
                result.Add(a, low - 1);
            }

            if (b > high)
            {
                result.Add(high + 1, b);
            }
        }

        return result;
    }

    private void Normalize()
    {
        if (_normalized)
        {
            return;
        }

        _ranges.Sort((x, y) => x.Low.CompareTo(y.Low));
        var merged = new List<(int Low, int High)>();
        foreach (var range in _ranges)
        {
            if (merged.Count > 0 && range.Low <= merged[^1].High + 1)
            {
                merged[^1] = (merged[^1].Low, Math.Max(merged[^1].High, range.High));
            }
            else
            {
                merged.Add(range);
            }
        }

        _ranges.Clear();
        _ranges.AddRange(merged);
        _normalized = true;
    }

    /// <summary>
    /// A .NET pattern matching one code point of this set: a bracket class for the BMP part and
    /// surrogate-pair alternatives for the astral part (astral first, so a pair is consumed whole).
    /// <paramref name="extraClassItems"/> (e.g. <c>\p{L}</c>) join the bracket class.
    /// </summary>
    public string ToDotNetPattern(string extraClassItems = "")
    {
        var bmp = new StringBuilder();
        var astral = new List<string>();
        foreach (var (low, high) in Ranges)
        {
            if (low <= MaxCodeUnit)
            {
                var bmpHigh = Math.Min(high, MaxCodeUnit);
                bmp.Append(Unit(low));
                if (bmpHigh > low)
                {
                    bmp.Append('-').Append(Unit(bmpHigh));
                }
            }

            if (high > MaxCodeUnit)
            {
                AppendAstral(astral, Math.Max(low, MaxCodeUnit + 1), high);
            }
        }

        bmp.Append(extraClassItems);
        if (bmp.Length > 0)
        {
            astral.Add("[" + bmp + "]");
        }

        return astral.Count switch
        {
            0 => "(?!)",
            1 when bmp.Length > 0 => astral[0],
            _ => "(?:" + string.Join('|', astral) + ")",
        };
    }

    private static void AppendAstral(List<string> alternatives, int low, int high)
    {
        var (firstHigh, firstLow) = Split(low);
        var (lastHigh, lastLow) = Split(high);
        if (firstHigh == lastHigh)
        {
            alternatives.Add(Unit(firstHigh) + "[" + Unit(firstLow) + "-" + Unit(lastLow) + "]");
            return;
        }

        // Leading and trailing partial blocks of low surrogates; whole blocks in between.
        var fullFrom = firstHigh;
        var fullTo = lastHigh;
        if (firstLow != 0xDC00)
        {
            alternatives.Add(Unit(firstHigh) + "[" + Unit(firstLow) + "-\\uDFFF]");
            fullFrom++;
        }

        if (lastLow != 0xDFFF)
        {
            fullTo--;
        }

        if (fullFrom <= fullTo)
        {
            var highs = fullFrom == fullTo ? Unit(fullFrom) : "[" + Unit(fullFrom) + "-" + Unit(fullTo) + "]";
            alternatives.Add(highs + "[\\uDC00-\\uDFFF]");
        }

        if (lastLow != 0xDFFF)
        {
            alternatives.Add(Unit(lastHigh) + "[\\uDC00-" + Unit(lastLow) + "]");
        }
    }

    private static (int High, int Low) Split(int codePoint)
    {
        var offset = codePoint - 0x10000;
        return (0xD800 + (offset >> 10), 0xDC00 + (offset & 0x3FF));
    }

    public static string Unit(int codeUnit) => "\\u" + codeUnit.ToString("X4", CultureInfo.InvariantCulture);
}
