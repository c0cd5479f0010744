using System.Text;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Parsing.Nunjucks;

/// <summary>
/// Text with Nunjucks variable blocks (<c>${{ expr }}</c> with Backstage's delimiters): literal text
/// parts and parsed expressions. Tags (<c>{% %}</c>) and comments are not part of this front end and
/// stay literal text. <c>${{-</c> and <c>-}}</c> trim the whitespace next to them, as in Nunjucks.
/// </summary>
internal sealed class NunjucksInterpolation
{
    public const string VariableStart = "${{";

    private NunjucksInterpolation(IReadOnlyList<object> parts, TemplateMessage? error, string? singleSource)
    {
        Parts = parts;
        Error = error;
        SingleExpressionSource = singleSource;
    }

    /// <summary>Literal text (<see cref="string"/>) and <see cref="Expression"/>s, in order.</summary>
    public IReadOnlyList<object> Parts { get; }

    /// <summary>The first syntax error (parsing stops there), or null.</summary>
    public TemplateMessage? Error { get; }

    /// <summary>
    /// When the whole text is exactly one variable block, the source between its delimiters
    /// (Backstage keeps the value's JSON type for such strings); otherwise null.
    /// </summary>
    public string? SingleExpressionSource { get; }

    public static bool ContainsVariable(string text) => text.Contains(VariableStart, StringComparison.Ordinal);

    public static NunjucksInterpolation Parse(string text, string name, int maxDepth, Func<string, bool> isFilter, Func<string, bool> isTest)
    {
        var parser = new NunjucksExpressionParser(text, name, maxDepth, isFilter, isTest);
        var parts = new List<object>();
        var position = new TextPosition(0, 0, 0);
        var trimLeading = false;
        var blocks = 0;
        string? singleSource = null;
        try
        {
            while (position.Offset < text.Length)
            {
                var start = text.IndexOf(VariableStart, position.Offset, StringComparison.Ordinal);
                var dataEnd = start < 0 ? text.Length : start;
                var trimBefore = start >= 0 && start + VariableStart.Length < text.Length && text[start + VariableStart.Length] == '-';
                var data = text[position.Offset..dataEnd];
                if (trimLeading)
                {
                    data = data.TrimStart();
                }

                if (trimBefore)
                {
                    data = data.TrimEnd();
                }

                if (data.Length > 0)
                {
                    parts.Add(data);
                }

                if (start < 0)
                {
                    break;
                }

                var codeStart = Advance(text, position, start + VariableStart.Length + (trimBefore ? 1 : 0));
                var expression = parser.ParseExpression(codeStart, delimited: true, out var end, out trimLeading);
                parts.Add(expression);
                blocks++;
                if (start == 0 && end.Offset == text.Length && blocks == 1)
                {
                    singleSource = text[(start + VariableStart.Length)..(end.Offset - (trimLeading ? 3 : 2))];
                }

                position = end;
            }
        }
        catch (NunjucksSyntaxException ex)
        {
            var message = new TemplateMessage(new SourceSpan(name, ex.Position, ex.Position), ex.Message);
            return new NunjucksInterpolation(parts, message, null);
        }

        return new NunjucksInterpolation(parts, null, singleSource);
    }

    /// <summary>The position of <paramref name="offset"/>, counting lines and columns from <paramref name="from"/>.</summary>
    private static TextPosition Advance(string text, TextPosition from, int offset)
    {
        var line = from.Line;
        var column = from.Column;
        for (var i = from.Offset; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 0;
            }
            else
            {
                column++;
            }
        }

        return new TextPosition(offset, line, column);
    }

    /// <summary>Literal text joined with the rendered values: for display in messages.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var part in Parts)
        {
            builder.Append(part is string text ? text : "${{ " + part + " }}");
        }

        return builder.ToString();
    }
}
