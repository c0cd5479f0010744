using System.Globalization;
using Scaffolder.Templating.Runtime;

namespace Scaffolder.Templating.Builtins;

/// <summary>The <c>timespan</c> builtin object.</summary>
internal static class TimeSpanFunctions
{
    public static BuiltinObject Create() => new BuiltinObject("timespan")
        .Function("from_days", (c, s, a) => TimeSpan.FromDays(Args.Double(a, 0)), P.Double("days"))
        .Function("from_hours", (c, s, a) => TimeSpan.FromHours(Args.Double(a, 0)), P.Double("hours"))
        .Function("from_milliseconds", (c, s, a) => TimeSpan.FromMilliseconds(Args.Double(a, 0)), P.Double("millis"))
        .Function("from_minutes", (c, s, a) => TimeSpan.FromMinutes(Args.Double(a, 0)), P.Double("minutes"))
        .Function("from_seconds", (c, s, a) => TimeSpan.FromSeconds(Args.Double(a, 0)), P.Double("seconds"))
        .Function("parse", (c, s, a) => TimeSpan.Parse(Args.Text(a, 0) ?? throw new TemplateArgumentException(0, "Value cannot be null. (Parameter 'text')"), CultureInfo.InvariantCulture), P.Text("text"))
        .Add("zero", TimeSpan.Zero);
}
