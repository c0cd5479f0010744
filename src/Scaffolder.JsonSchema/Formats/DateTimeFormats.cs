using System.Text.RegularExpressions;

namespace Scaffolder.JsonSchema.Formats;

/// <summary>
/// RFC 3339 dates and times with real calendar checks (no February 30th). Like the reference
/// library and Backstage's form validator, a space may separate date and time, and <c>time</c>
/// may leave out its offset.
/// </summary>
internal static partial class DateTimeFormats
{
    [GeneratedRegex("^([0-9]{4})-([0-9]{2})-([0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex("^([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]+)?(?:[Zz]|[+-]([0-9]{2}):([0-9]{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex("^([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\\.[0-9]+)?(?:[Zz]|[+-]([0-9]{2}):([0-9]{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeWithOffsetPattern();

    public static bool IsDateTime(string text)
    {
        var separator = text.IndexOfAny(['T', 't', ' ']);
        return separator == 10
            && IsDate(text[..separator])
            && IsTime(text[(separator + 1)..], TimeWithOffsetPattern());
    }

    public static bool IsDate(string text)
    {
        var match = DatePattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].ValueSpan);
        var month = int.Parse(match.Groups[2].ValueSpan);
        var day = int.Parse(match.Groups[3].ValueSpan);
        return month is >= 1 and <= 12 && day >= 1 && day <= DaysIn(year, month);
    }

    public static bool IsTime(string text) => IsTime(text, TimePattern());

    private static bool IsTime(string text, Regex pattern)
    {
        var match = pattern.Match(text);
        if (!match.Success)
        {
            return false;
        }

        var hour = int.Parse(match.Groups[1].ValueSpan);
        var minute = int.Parse(match.Groups[2].ValueSpan);
        var second = int.Parse(match.Groups[3].ValueSpan);
        if (hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        if (match.Groups[4].Success)
        {
            var offsetHour = int.Parse(match.Groups[4].ValueSpan);
            var offsetMinute = int.Parse(match.Groups[5].ValueSpan);
            return offsetHour <= 23 && offsetMinute <= 59;
        }

        return true;
    }

    private static int DaysIn(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}
