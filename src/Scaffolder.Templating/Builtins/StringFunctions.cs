using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Builtins;

/// <summary>The <c>string</c> builtin object.</summary>
internal static partial class StringFunctions
{
    public static BuiltinObject Create() => new BuiltinObject("string")
        .Function("append", (c, s, a) => Checked(c, s, (Args.Text(a, 0) ?? string.Empty) + (Args.Text(a, 1) ?? string.Empty)), P.Text("text"), P.Text("with"))
        .Function("base64_decode", (c, s, a) => Encoding.UTF8.GetString(Convert.FromBase64String(Args.Text(a, 0) ?? string.Empty)), P.Text("text"))
        .Function("base64_encode", (c, s, a) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Args.Text(a, 0) ?? string.Empty)), P.Text("text"))
        .Function("capitalize", (c, s, a) => Capitalize(Args.Text(a, 0)), P.Text("text"))
        .Function("capitalizewords", (c, s, a) => CapitalizeWords(Args.Text(a, 0)), P.Text("text"))
        .Function("contains", (c, s, a) => Box.Bool(Args.Text(a, 0) is { Length: > 0 } text && Args.Text(a, 1) is { Length: > 0 } value && text.Contains(value, StringComparison.Ordinal)), P.Text("text"), P.Text("value"))
        .Function("downcase", (c, s, a) => Args.Text(a, 0)?.ToLowerInvariant(), P.Text("text"))
        .Function("empty", (c, s, a) => Box.Bool(string.IsNullOrEmpty(Args.Text(a, 0))), P.Text("text"))
        .Function("ends_with", (c, s, a) => Box.Bool(Args.Text(a, 0) is { Length: > 0 } text && Args.Text(a, 1) is { Length: > 0 } value && c.Culture.CompareInfo.IsSuffix(text, value)), P.Text("text"), P.Text("value"))
        .Function("equals_ignore_case", (c, s, a) => Box.Bool(Args.Text(a, 0)?.Equals(Args.Text(a, 1), StringComparison.InvariantCultureIgnoreCase) ?? false), P.Text("text"), P.Text("value"))
        .Function("escape", (c, s, a) => Args.Text(a, 0) is { } text ? TextEscaping.Escape(text) : null, P.Text("text"))
        .Function("handleize", (c, s, a) => Handleize(Args.Text(a, 0) ?? string.Empty), P.Text("text"))
        .Function("hmac_sha1", (c, s, a) => Hash(new HMACSHA1(Key(a)), Args.Text(a, 0)), P.Text("text"), P.Text("secretKey"))
        .Function("hmac_sha256", (c, s, a) => Hash(new HMACSHA256(Key(a)), Args.Text(a, 0)), P.Text("text"), P.Text("secretKey"))
        .Function("hmac_sha512", (c, s, a) => Hash(new HMACSHA512(Key(a)), Args.Text(a, 0)), P.Text("text"), P.Text("secretKey"))
        .Function("index_of", IndexOf, P.Text("text"), P.Text("search"), P.NullableInt("startIndex"), P.NullableInt("count"), P.Text("stringComparison", null))
        .Function("literal", (c, s, a) => Args.Text(a, 0) is { } text ? RenderContext.Quote(text) : null, P.Text("text"))
        .Function("lstrip", (c, s, a) => Args.Text(a, 0)?.TrimStart(), P.Text("text"))
        .Function("md5", (c, s, a) => Hash(MD5.Create(), Args.Text(a, 0)), P.Text("text"))
        .Function("pad_left", (c, s, a) => Pad(c, s, a, left: true), P.Text("text"), P.Int("width"))
        .Function("pad_right", (c, s, a) => Pad(c, s, a, left: false), P.Text("text"), P.Int("width"))
        .Function("pluralize", (c, s, a) => Args.Int(a, 0) == 1 ? Args.Text(a, 1) : Args.Text(a, 2), P.Int("number"), P.Text("singular"), P.Text("plural"))
        .Function("prepend", (c, s, a) => Checked(c, s, (Args.Text(a, 1) ?? string.Empty) + (Args.Text(a, 0) ?? string.Empty)), P.Text("text"), P.Text("by"))
        .Function("remove", (c, s, a) => Args.Text(a, 0) is { Length: > 0 } text && Args.Text(a, 1) is { Length: > 0 } remove ? text.Replace(remove, string.Empty, StringComparison.Ordinal) : Args.Text(a, 0), P.Text("text"), P.Text("remove"))
        .Function("remove_first", (c, s, a) => Args.Text(a, 0) is { Length: > 0 } text && Args.Text(a, 1) is { Length: > 0 } remove ? ReplaceFirst(text, remove, string.Empty, fromEnd: false) : Args.Text(a, 0), P.Text("text"), P.Text("remove"))
        .Function("remove_last", (c, s, a) => Args.Text(a, 0) is { Length: > 0 } text && Args.Text(a, 1) is { Length: > 0 } remove ? ReplaceFirst(text, remove, string.Empty, fromEnd: true) : Args.Text(a, 0), P.Text("text"), P.Text("remove"))
        .Function("replace", Replace, P.Text("text"), P.Text("match"), P.Text("replace"))
        .Function("replace_first", (c, s, a) => Checked(c, s, ReplaceFirst(Args.Text(a, 0), Args.Text(a, 1), Args.Text(a, 2), Args.Bool(a, 3))), P.Text("text"), P.Text("match"), P.Text("replace"), P.Bool("fromEnd", false))
        .Function("rstrip", (c, s, a) => Args.Text(a, 0)?.TrimEnd(), P.Text("text"))
        .Function("sha1", (c, s, a) => Hash(SHA1.Create(), Args.Text(a, 0)), P.Text("text"))
        .Function("sha256", (c, s, a) => Hash(SHA256.Create(), Args.Text(a, 0)), P.Text("text"))
        .Function("sha512", (c, s, a) => Hash(SHA512.Create(), Args.Text(a, 0)), P.Text("text"))
        .Function("size", (c, s, a) => Box.Int(Args.Text(a, 0)?.Length ?? 0), P.Text("text"))
        .Function("slice", (c, s, a) => Slice(Args.Text(a, 0), Args.Int(a, 1), Args.NullableInt(a, 2)), P.Text("text"), P.Int("start"), P.NullableInt("length"))
        .Function("slice1", (c, s, a) => Slice1(Args.Text(a, 0), Args.Int(a, 1), Args.Int(a, 2)), P.Text("text"), P.Int("start"), P.Int("length", 1))
        .Function("split", (c, s, a) => Split(Args.Text(a, 0), Args.Text(a, 1)), P.Text("text"), P.Text("match"))
        .Function("starts_with", (c, s, a) => Box.Bool(Args.Text(a, 0) is { Length: > 0 } text && Args.Text(a, 1) is { Length: > 0 } value && c.Culture.CompareInfo.IsPrefix(text, value)), P.Text("text"), P.Text("value"))
        .Function("strip", (c, s, a) => Args.Text(a, 0)?.Trim(), P.Text("text"))
        .Function("strip_newlines", (c, s, a) => string.IsNullOrEmpty(Args.Text(a, 0)) ? string.Empty : NewLines().Replace(Args.Text(a, 0)!, string.Empty), P.Text("text"))
        .Function("to_double", (c, s, a) => double.TryParse(Args.Text(a, 0), NumberStyles.Float | NumberStyles.AllowThousands, c.Culture, out var d) ? d : null, P.Text("text"))
        .Function("to_float", (c, s, a) => float.TryParse(Args.Text(a, 0), NumberStyles.Float | NumberStyles.AllowThousands, c.Culture, out var f) ? f : null, P.Text("text"))
        .Function("to_int", (c, s, a) => int.TryParse(Args.Text(a, 0), NumberStyles.Integer, c.Culture, out var i) ? Box.Int(i) : null, P.Text("text"))
        .Function("to_long", (c, s, a) => long.TryParse(Args.Text(a, 0), NumberStyles.Integer, c.Culture, out var l) ? l : null, P.Text("text"))
        .Function("truncate", (c, s, a) => Truncate(Args.Text(a, 0), Args.Int(a, 1), Args.Text(a, 2)), P.Text("text"), P.Int("length"), P.Text("ellipsis", null))
        .Function("truncatewords", (c, s, a) => TruncateWords(Args.Text(a, 0), Args.Int(a, 1)), P.Text("text"), P.Int("count"), P.Text("ellipsis", null))
        .Function("upcase", (c, s, a) => Args.Text(a, 0)?.ToUpperInvariant(), P.Text("text"))
        .Function("whitespace", (c, s, a) => Box.Bool(string.IsNullOrWhiteSpace(Args.Text(a, 0))), P.Text("text"));

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex NewLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Checked(RenderContext context, SourceSpan span, string text)
    {
        context.CheckSize(span, text.Length);
        return text;
    }

    private static byte[] Key(ReadOnlySpan<object?> a) => Encoding.UTF8.GetBytes(Args.Text(a, 1) ?? string.Empty);

    private static string Hash(HashAlgorithm algorithm, string? text)
    {
        using (algorithm)
        {
            return Convert.ToHexStringLower(algorithm.ComputeHash(Encoding.UTF8.GetBytes(text ?? string.Empty)));
        }
    }

    private static string Capitalize(string? text)
    {
        if (string.IsNullOrEmpty(text) || char.IsUpper(text[0]))
        {
            return text ?? string.Empty;
        }

        return char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }

    private static string CapitalizeWords(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var previousSpace = true;
        foreach (var original in text)
        {
            var c = original;
            if (char.IsWhiteSpace(c))
            {
                previousSpace = true;
            }
            else if (previousSpace && char.IsLetter(c))
            {
                c = char.ToUpper(c, CultureInfo.InvariantCulture);
                previousSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Handleize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var last = '\0';
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                last = c;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (last != '-')
            {
                builder.Append('-');
                last = '-';
            }
        }

        if (builder.Length > 0 && builder[^1] == '-')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    private static object? IndexOf(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        var text = Args.Text(a, 0) ?? throw new TemplateArgumentException(0, "Value cannot be null. (Parameter 'text')");
        var search = Args.Text(a, 1) ?? throw new TemplateArgumentException(1, "Value cannot be null. (Parameter 'search')");
        var comparisonName = Args.Text(a, 4);
        var comparison = StringComparison.CurrentCulture;
        if (comparisonName is not null && !Enum.TryParse(comparisonName, out comparison))
        {
            throw new TemplateArgumentException(4, $"'{comparisonName}' is not a valid stringComparison (Parameter 'stringComparison')");
        }

        var start = Args.NullableInt(a, 2) ?? 0;
        var count = Args.NullableInt(a, 3) ?? text.Length - start;
        if (comparison is StringComparison.CurrentCulture or StringComparison.CurrentCultureIgnoreCase)
        {
            var options = comparison == StringComparison.CurrentCulture ? CompareOptions.None : CompareOptions.IgnoreCase;
            return Box.Int(context.Culture.CompareInfo.IndexOf(text, search, start, count, options));
        }

        return Box.Int(text.IndexOf(search, start, count, comparison));
    }

    private static object? Pad(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a, bool left)
    {
        var width = Args.Int(a, 1);
        var limit = context.Settings.OutputLimit;
        if (limit > 0 && width > limit)
        {
            throw new TemplateArgumentException(1, $"Padding width `{width}` exceeds the configured LimitToString `{limit}`. (Parameter 'width')");
        }

        var text = Args.Text(a, 0) ?? string.Empty;
        return left ? text.PadLeft(Math.Max(0, width)) : text.PadRight(Math.Max(0, width));
    }

    private static object? Replace(RenderContext context, SourceSpan span, ReadOnlySpan<object?> a)
    {
        var text = Args.Text(a, 0);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var match = Args.Text(a, 1) ?? string.Empty;
        if (match.Length == 0)
        {
            throw new TemplateArgumentException(1, "The value cannot be an empty string. (Parameter 'oldValue')");
        }

        var replacement = Args.Text(a, 2) ?? string.Empty;
        var count = CountOccurrences(text, match);
        context.CheckSize(span, text.Length + ((long)count * (replacement.Length - match.Length)));
        return text.Replace(match, replacement, StringComparison.Ordinal);
    }

    private static int CountOccurrences(string text, string match)
    {
        var count = 0;
        for (var index = text.IndexOf(match, StringComparison.Ordinal); index >= 0; index = text.IndexOf(match, index + match.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string ReplaceFirst(string? text, string? match, string? replace, bool fromEnd)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (string.IsNullOrEmpty(match))
        {
            return text;
        }

        var index = fromEnd
            ? text.LastIndexOf(match, StringComparison.OrdinalIgnoreCase)
            : text.IndexOf(match, StringComparison.OrdinalIgnoreCase);
        return index < 0 ? text : string.Concat(text.AsSpan(0, index), replace ?? string.Empty, text.AsSpan(index + match.Length));
    }

    private static string Slice(string? text, int start, int? length)
    {
        if (string.IsNullOrEmpty(text) || start >= text.Length)
        {
            return string.Empty;
        }

        if (start < 0)
        {
            start += text.Length;
        }

        var count = length ?? text.Length;
        if (start < 0)
        {
            if (start + count <= 0)
            {
                return string.Empty;
            }

            count += start;
            start = 0;
        }

        if (start + count > text.Length)
        {
            count = text.Length - start;
        }

        return count <= 0 ? string.Empty : text.Substring(start, count);
    }

    private static string Slice1(string? text, int start, int length)
    {
        if (string.IsNullOrEmpty(text) || start > text.Length || length <= 0)
        {
            return string.Empty;
        }

        if (start < 0)
        {
            start += text.Length;
        }

        if (start < 0)
        {
            length += start;
            start = 0;
        }

        if (start + length > text.Length)
        {
            length = text.Length - start;
        }

        return length <= 0 ? string.Empty : text.Substring(start, length);
    }

    private static TemplateRange Split(string? text, string? match)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new TemplateRange([]);
        }

        if (string.IsNullOrEmpty(match))
        {
            return new TemplateRange([text]);
        }

        return new TemplateRange(text.Split(match, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Truncate(string? text, int length, string? ellipsis)
    {
        ellipsis ??= "...";
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.Length <= length)
        {
            return text;
        }

        var keep = Math.Clamp(length - ellipsis.Length, 0, text.Length);
        return text[..keep] + ellipsis;
    }

    private static string TruncateWords(string? text, int count)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        var first = true;
        foreach (var word in Spaces().Split(text))
        {
            if (count <= 0)
            {
                break;
            }

            if (!first)
            {
                builder.Append(' ');
            }

            builder.Append(word);
            first = false;
            count--;
        }

        return builder.Append("...").ToString();
    }
}
