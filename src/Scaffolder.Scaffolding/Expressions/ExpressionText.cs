namespace Scaffolder.Scaffolding.Expressions;

/// <summary>One piece of a templated string: literal text, or the source of a <c>${{ … }}</c> expression.</summary>
public readonly record struct ExpressionSegment(bool IsExpression, string Text);

/// <summary>Splits strings into literal text and <c>${{ … }}</c> expressions.</summary>
public static class ExpressionText
{
    private const string Open = "${{";
    private const string Close = "}}";

    /// <summary>True when <paramref name="text"/> holds at least one expression opener.</summary>
    public static bool HasExpressions(string text) => text.Contains(Open, StringComparison.Ordinal);

    /// <summary>
    /// The segments of <paramref name="text"/>. An expression ends at the first <c>}}</c> that is not
    /// inside a quoted string literal; an opener without an end is an error (the text is not split).
    /// </summary>
    public static bool TrySplit(string text, out IReadOnlyList<ExpressionSegment> segments, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<ExpressionSegment>();
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf(Open, position, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Add(new ExpressionSegment(false, text[position..]));
                break;
            }

            if (start > position)
            {
                result.Add(new ExpressionSegment(false, text[position..start]));
            }

            var end = FindClose(text, start + Open.Length);
            if (end < 0)
            {
                segments = [];
                error = $"expression opened at offset {start} with `${{{{` is never closed with `}}}}`";
                return false;
            }

            result.Add(new ExpressionSegment(true, text[(start + Open.Length)..end].Trim()));
            position = end + Close.Length;
        }

        segments = result;
        error = null;
        return true;
    }

    private static int FindClose(string text, int from)
    {
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                return i;
            }
        }

        return -1;
    }
}
