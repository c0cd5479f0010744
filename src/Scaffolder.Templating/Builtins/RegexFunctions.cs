using System.Text.RegularExpressions;
using Scaffolder.Templating.Runtime;

namespace Scaffolder.Templating.Builtins;

/// <summary>The <c>regex</c> builtin object (.NET regular expressions, always with a timeout).</summary>
internal static class RegexFunctions
{
    public static BuiltinObject Create() => new BuiltinObject("regex")
        .Function("escape", (c, s, a) => Regex.Escape(Required(a, 0)), P.Text("pattern"))
        .Function("match", Match, P.Text("text"), P.Text("pattern"), P.Text("options", null))
        .Function("matches", Matches, P.Text("text"), P.Text("pattern"), P.Text("options", null))
        .Function("replace", (c, s, a) => Checked(c, s, Regex.Replace(Required(a, 0), Required(a, 1), Required(a, 2), Options(a, 3), Timeout(c))), P.Text("text"), P.Text("pattern"), P.Text("replace"), P.Text("options", null))
        .Function("split", (c, s, a) => new TemplateArray(Regex.Split(Required(a, 0), Required(a, 1), Options(a, 2), Timeout(c))), P.Text("text"), P.Text("pattern"), P.Text("options", null))
        .Function("unescape", (c, s, a) => Regex.Unescape(Required(a, 0)), P.Text("pattern"));

    private static string Required(ReadOnlySpan<object?> a, int index) =>
        Args.Text(a, index) ?? throw new TemplateArgumentException(index, "Value cannot be null.");

    private static TimeSpan Timeout(RenderContext context) => context.Settings.RegexTimeout;

    private static object Checked(RenderContext context, Syntax.SourceSpan span, string text)
    {
        context.CheckSize(span, text.Length);
        return text;
    }

    private static RegexOptions Options(ReadOnlySpan<object?> a, int index)
    {
        var options = RegexOptions.None;
        foreach (var c in Args.Text(a, index) ?? string.Empty)
        {
            options |= c switch
            {
                'i' => RegexOptions.IgnoreCase,
                'm' => RegexOptions.Multiline,
                's' => RegexOptions.Singleline,
                'x' => RegexOptions.IgnorePatternWhitespace,
                _ => RegexOptions.None,
            };
        }

        return options;
    }

    private static object? Match(RenderContext context, Syntax.SourceSpan span, ReadOnlySpan<object?> a)
    {
        var match = Regex.Match(Required(a, 0), Required(a, 1), Options(a, 2), Timeout(context));
        var result = new TemplateArray();
        if (match.Success)
        {
            foreach (Group group in match.Groups)
            {
                result.Add(group.Value);
            }
        }

        return result;
    }

    private static object? Matches(RenderContext context, Syntax.SourceSpan span, ReadOnlySpan<object?> a)
    {
        var result = new TemplateArray();
        foreach (Match match in Regex.Matches(Required(a, 0), Required(a, 1), Options(a, 2), Timeout(context)))
        {
            if (match.Success)
            {
                var groups = new TemplateArray(match.Groups.Count);
                for (var i = 0; i < match.Groups.Count; i++)
                {
                    groups.Add(match.Groups[i].Value);
                }

                result.Add(groups);
            }
        }

        return result;
    }
}
