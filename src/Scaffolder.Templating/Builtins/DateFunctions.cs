using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Builtins;

/// <summary>
/// The <c>date</c> builtin object and strftime-like formatting. Dates are wall-clock values in the
/// render's time zone (an option, UTC by default), never in the machine's zone.
/// </summary>
internal static partial class DateFunctions
{
    public const string DefaultFormat = "%d %b %Y";

    private delegate string Formatter(DateTime date, CultureInfo culture, RenderZone zone);

    private readonly record struct Code(Formatter Format, string? ParsePattern);

    /// <summary>The zone used by codes that need an absolute instant (<c>%s</c>, <c>%Z</c>).</summary>
    internal readonly record struct RenderZone(TimeZoneInfo Zone);

    private static readonly Dictionary<char, Code> Codes = new()
    {
        ['a'] = new((d, c, _) => d.ToString("ddd", c), "ddd"),
        ['A'] = new((d, c, _) => d.ToString("dddd", c), "dddd"),
        ['b'] = new((d, c, _) => d.ToString("MMM", c), "MMM"),
        ['B'] = new((d, c, _) => d.ToString("MMMM", c), "MMM"),
        ['c'] = new((d, c, _) => d.ToString("ddd MMM dd HH:mm:ss yyyy", c), "ddd MMM dd HH:mm:ss yyyy"),
        ['C'] = new((d, c, _) => (d.Year / 100).ToString("D2", c), null),
        ['d'] = new((d, c, _) => d.ToString("dd", c), "dd"),
        ['D'] = new((d, c, _) => d.ToString("MM/dd/yy", c), "MM/dd/yy"),
        ['e'] = new((d, c, _) => d.ToString("%d", c).PadLeft(2, ' '), "%d"),
        ['F'] = new((d, c, _) => d.ToString("yyyy-MM-dd", c), "yyyy-MM-dd"),
        ['h'] = new((d, c, _) => d.ToString("MMM", c), "MMM"),
        ['H'] = new((d, c, _) => d.ToString("HH", c), "HH"),
        ['I'] = new((d, c, _) => d.ToString("hh", c), "hh"),
        ['j'] = new((d, c, _) => d.DayOfYear.ToString("D3", c), null),
        ['k'] = new((d, c, _) => d.ToString("%H", c).PadLeft(2, ' '), "%H"),
        ['l'] = new((d, c, _) => d.ToString("%h", c).PadLeft(2, ' '), "%h"),
        ['L'] = new((d, c, _) => d.ToString("fff", c), "fff"),
        ['m'] = new((d, c, _) => d.ToString("MM", c), "MM"),
        ['M'] = new((d, c, _) => d.ToString("mm", c), "mm"),
        ['n'] = new((_, _, _) => "\n", null),
        ['N'] = new((d, c, _) => d.ToString("fffffff00", c), "fffffff00"),
        ['p'] = new((d, c, _) => d.ToString("tt", c), "tt"),
        ['P'] = new((d, c, _) => d.ToString("tt", c).ToLowerInvariant(), "tt"),
        ['r'] = new((d, c, _) => d.ToString("hh:mm:ss tt", c), "hh:mm:ss tt"),
        ['R'] = new((d, c, _) => d.ToString("HH:mm", c), "HH:mm"),
        ['s'] = new((d, c, z) => new DateTimeOffset(d, z.Zone.GetUtcOffset(d)).ToUnixTimeSeconds().ToString(c), null),
        ['S'] = new((d, c, _) => d.ToString("ss", c), "ss"),
        ['t'] = new((_, _, _) => "\t", null),
        ['T'] = new((d, c, _) => d.ToString("HH:mm:ss", c), "HH:mm:ss"),
        ['u'] = new((d, c, _) => (d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek).ToString(c), null),
        ['U'] = new((d, c, _) => c.Calendar.GetWeekOfYear(d, c.DateTimeFormat.CalendarWeekRule, DayOfWeek.Sunday).ToString("D2", c), null),
        ['v'] = new((d, _, _) => string.Format(CultureInfo.InvariantCulture, "{0,2}-{1}-{2:D4}", d.Day, d.ToString("MMM", CultureInfo.InvariantCulture).ToUpperInvariant(), d.Year), null),
        ['V'] = new((d, c, _) => c.Calendar.GetWeekOfYear(d, CalendarWeekRule.FirstFourDayWeek, DayOfWeek.Monday).ToString("D2", c), null),
        ['W'] = new((d, c, _) => c.Calendar.GetWeekOfYear(d, c.DateTimeFormat.CalendarWeekRule, DayOfWeek.Monday).ToString("D2", c), null),
        ['w'] = new((d, c, _) => ((int)d.DayOfWeek).ToString(c), null),
        ['x'] = new((d, c, _) => d.ToString("d", c), "d"),
        ['X'] = new((d, c, _) => d.ToString("T", c), "T"),
        ['y'] = new((d, c, _) => d.ToString("yy", c), "yy"),
        ['Y'] = new((d, c, _) => d.ToString("yyyy", c), "yyyy"),
        ['Z'] = new((d, c, z) => FormatOffset(z.Zone.GetUtcOffset(d)), "zzz"),
        ['%'] = new((_, _, _) => "%", null),
    };

    [GeneratedRegex(@"\+\d")]
    private static partial Regex PlusFollowedByNumber();

    public static BuiltinObject Create() => new DateBuiltinObject()
        .Function("add_days", (c, s, a) => ((DateTime)a[0]!).AddDays(Args.Double(a, 1)), P.Date("date"), P.Double("days"))
        .Function("add_hours", (c, s, a) => ((DateTime)a[0]!).AddHours(Args.Double(a, 1)), P.Date("date"), P.Double("hours"))
        .Function("add_milliseconds", (c, s, a) => ((DateTime)a[0]!).AddMilliseconds(Args.Double(a, 1)), P.Date("date"), P.Double("millis"))
        .Function("add_minutes", (c, s, a) => ((DateTime)a[0]!).AddMinutes(Args.Double(a, 1)), P.Date("date"), P.Double("minutes"))
        .Function("add_months", (c, s, a) => ((DateTime)a[0]!).AddMonths(Args.Int(a, 1)), P.Date("date"), P.Int("months"))
        .Function("add_seconds", (c, s, a) => ((DateTime)a[0]!).AddSeconds(Args.Double(a, 1)), P.Date("date"), P.Double("seconds"))
        .Function("add_years", (c, s, a) => ((DateTime)a[0]!).AddYears(Args.Int(a, 1)), P.Date("date"), P.Int("years"))
        .Add("default_format", DefaultFormat)
        .Add("format", DefaultFormat)
        .Function("now", (c, s, a) => Now(c))
        .Function("parse", (c, s, a) => ParseDate(c, Args.Text(a, 0), Args.Text(a, 1), Args.Text(a, 2)), P.Text("text"), P.Text("pattern", null), P.Text("culture", null))
        .Function("parse_to_string", ParseToString, P.Text("text"), P.Text("output_pattern", null), P.Text("output_culture", null), P.Text("input_pattern", null), P.Text("input_culture", null))
        .Function("to_string", ToString, P.NullableDate("date"), P.Text("pattern"), P.Text("culture", null))
        .Function("utc_now", (c, s, a) => DateTime.SpecifyKind(c.Settings.TimeProvider.GetUtcNow().UtcDateTime, DateTimeKind.Unspecified));

    private static DateTime Now(RenderContext context) =>
        TimeZoneInfo.ConvertTime(context.Settings.TimeProvider.GetUtcNow(), context.Settings.TimeZone).DateTime;

    private static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>Formats with strftime-like codes in the render's culture; <c>%g</c> switches to the invariant culture.</summary>
    public static string Format(RenderContext context, DateTime date, string pattern) =>
        Format(date, pattern, context.Culture, new RenderZone(context.Settings.TimeZone), CurrentFormat(context));

    private static string Format(DateTime date, string pattern, CultureInfo culture, RenderZone zone, string defaultFormat)
    {
        if (pattern == "%g")
        {
            pattern = "%g " + defaultFormat;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c != '%' || i + 1 >= pattern.Length)
            {
                builder.Append(c);
                continue;
            }

            var code = pattern[++i];
            if (code == 'g')
            {
                culture = CultureInfo.InvariantCulture;
            }
            else if (Codes.TryGetValue(code, out var formatter))
            {
                builder.Append(formatter.Format(date, culture, zone));
            }
            else
            {
                builder.Append('%').Append(code);
            }
        }

        return builder.ToString();
    }

    /// <summary>Turns a strftime-like pattern into a .NET format string (used for parsing and parse_to_string).</summary>
    private static string? ToDotNetPattern(string? pattern, ref CultureInfo culture)
    {
        if (pattern is null)
        {
            return null;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c != '%' || i + 1 >= pattern.Length)
            {
                builder.Append(c);
                continue;
            }

            var code = pattern[++i];
            if (code == 'g')
            {
                culture = CultureInfo.InvariantCulture;
            }
            else if (Codes.TryGetValue(code, out var formatter))
            {
                builder.Append(formatter.ParsePattern ?? throw new TemplateArgumentException(1, $"The pattern %{code} is not supported for the parse method (Parameter 'pattern')"));
            }
            else
            {
                builder.Append('%').Append(code);
            }
        }

        return builder.ToString();
    }

    public static DateTime? ParseDate(RenderContext context, string? text, string? pattern, string? cultureName)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var hasOffset = PlusFollowedByNumber().IsMatch(text);
        var hasZ = text.TrimEnd().EndsWith('Z') || text.TrimEnd().EndsWith('z');
        var culture = Cultures.Resolve(cultureName, context);
        var format = ToDotNetPattern(pattern, ref culture);
        if (hasOffset || hasZ)
        {
            var parsed = format is null
                ? DateTimeOffset.TryParse(text, culture, DateTimeStyles.None, out var offset)
                : DateTimeOffset.TryParseExact(text, format, culture, DateTimeStyles.None, out offset);
            return parsed ? TimeZoneInfo.ConvertTime(offset, context.Settings.TimeZone).DateTime : default(DateTime);
        }

        var ok = format is null
            ? DateTime.TryParse(text, culture, DateTimeStyles.None, out var result)
            : DateTime.TryParseExact(text, format, culture, DateTimeStyles.None, out result);
        return ok ? DateTime.SpecifyKind(result, DateTimeKind.Unspecified) : default(DateTime);
    }

    private static object? ParseToString(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (ParseDate(context, Args.Text(a, 0), Args.Text(a, 3), Args.Text(a, 4)) is not { } date)
        {
            return null;
        }

        var outputPattern = Args.Text(a, 1);
        if (outputPattern is null)
        {
            return date.ToString(DefaultFormat, CultureInfo.InvariantCulture);
        }

        var culture = Cultures.Resolve(Args.Text(a, 2), context);
        var format = ToDotNetPattern(outputPattern, ref culture)!;
        return date.ToString(format, culture);
    }

    private static object? ToString(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        if (a[0] is not DateTime date)
        {
            return null;
        }

        var pattern = Args.Text(a, 1) ?? throw new TemplateArgumentException(1, "Value cannot be null. (Parameter 'pattern')");
        return Format(date, pattern, Cultures.Resolve(Args.Text(a, 2), context), new RenderZone(context.Settings.TimeZone), CurrentFormat(context));
    }

    /// <summary>The render's <c>date.format</c> (it can be reassigned by the template).</summary>
    public static string CurrentFormat(RenderContext context) =>
        context.Builtins.TryGetValue("date", out var date) && date is TemplateObject copy && copy.TryGetValue("format", out var format)
            ? context.ToText(format) ?? DefaultFormat
            : DefaultFormat;
}
