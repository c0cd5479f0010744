using System.Text;

namespace Scaffolder.Templating.Runtime.JavaScript;

/// <summary>JavaScript's <c>encodeURIComponent</c>.</summary>
internal static class JsUri
{
    private const string Unreserved = "-_.!~*'()";

    public static string EncodeComponent(string text)
    {
        var builder = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || Unreserved.Contains(c))
            {
                builder.Append(c);
                continue;
            }

            int codePoint;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                throw new JsTypeError("URI malformed");
            }
            else
            {
                codePoint = c;
            }

            var count = new Rune(codePoint).EncodeToUtf8(bytes);
            for (var b = 0; b < count; b++)
            {
                builder.Append('%').Append(bytes[b].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
