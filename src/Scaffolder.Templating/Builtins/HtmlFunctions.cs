using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Scaffolder.Templating.Runtime;

namespace Scaffolder.Templating.Builtins;

/// <summary>The <c>html</c> builtin object.</summary>
internal static partial class HtmlFunctions
{
    public static BuiltinObject Create() => new BuiltinObject("html")
        .Function("escape", (c, s, a) => string.IsNullOrEmpty(Args.Text(a, 0)) ? Args.Text(a, 0) : WebUtility.HtmlEncode(Args.Text(a, 0)), P.Text("text"))
        .Function("newline_to_br", (c, s, a) => string.IsNullOrEmpty(Args.Text(a, 0)) ? Args.Text(a, 0) : NewLine().Replace(Args.Text(a, 0)!, "<br />$0"), P.Text("text"))
        .Function("strip", (c, s, a) => string.IsNullOrEmpty(Args.Text(a, 0)) ? Args.Text(a, 0) : new Regex(HtmlPattern, RegexOptions.IgnoreCase | RegexOptions.Singleline, c.Settings.RegexTimeout).Replace(Args.Text(a, 0)!, string.Empty), P.Text("text"))
        .Function("url_encode", (c, s, a) => string.IsNullOrEmpty(Args.Text(a, 0)) ? Args.Text(a, 0) : Uri.EscapeDataString(Args.Text(a, 0)!), P.Text("text"))
        .Function("url_escape", (c, s, a) => UrlEscape(Args.Text(a, 0)), P.Text("text"));

    private const string HtmlPattern = @"<script.*?</script>|<!--.*?-->|<style.*?</style>|<(?:[^>=]|='[^']*'|=""[^""]*""|=[^'""][^\s>]*)*>";

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex NewLine();

    private static string? UrlEscape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var escapeStart = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var allowed = i < text.Length && IsAllowedInUrl(text[i]);
            if (i < text.Length && !allowed)
            {
                if (escapeStart < 0)
                {
                    escapeStart = i;
                }

                continue;
            }

            if (escapeStart >= 0)
            {
                builder.Append(Uri.EscapeDataString(text[escapeStart..i]));
                escapeStart = -1;
            }

            if (i < text.Length)
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsAllowedInUrl(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '-' or '.' or '_' or '~' or ':' or '/' or '?' or '#' or '[' or ']' or '@'
            or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';
}
