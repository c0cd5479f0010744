using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Parsing.Nunjucks;

internal enum NunjucksTemplateTokenKind
{
    Data,
    Comment,
    BlockStart,
    VariableStart,
    EndOfInput,
}

/// <summary>A piece of template text outside code: data, a comment, or the start of a tag or variable.</summary>
internal readonly record struct NunjucksTemplateToken(NunjucksTemplateTokenKind Kind, string Value, TextPosition Start, TextPosition End);

/// <summary>
/// The text-mode half of Nunjucks' lexer with Backstage's delimiters (<c>${{</c>, <c>{%</c>,
/// <c>{#</c>): text runs until a tag, variable or comment starts. As in Nunjucks, a <c>#}</c>
/// outside a comment and a comment left open are errors, and bare <c>{{</c> is text.
/// </summary>
internal sealed class NunjucksTemplateScanner
{
    public const string BlockStart = "{%";
    public const string VariableStart = "${{";
    public const string CommentStart = "{#";
    public const string CommentEnd = "#}";

    private static readonly char[] BeginChars = ['{', '$', '#'];

    private readonly string _text;
    private readonly bool _lstripBlocks;

    public NunjucksTemplateScanner(string text, bool lstripBlocks = false)
    {
        _text = text;
        _lstripBlocks = lstripBlocks;
    }

    /// <summary>The token starting at <paramref name="start"/>.</summary>
    public NunjucksTemplateToken Next(TextPosition start)
    {
        var offset = start.Offset;
        if (offset >= _text.Length)
        {
            return new NunjucksTemplateToken(NunjucksTemplateTokenKind.EndOfInput, string.Empty, start, start);
        }

        if (Matches(offset, BlockStart))
        {
            var length = Matches(offset + 2, "-") ? 3 : 2;
            return Make(NunjucksTemplateTokenKind.BlockStart, start, offset + length);
        }

        if (Matches(offset, VariableStart))
        {
            var length = Matches(offset + 3, "-") ? 4 : 3;
            return Make(NunjucksTemplateTokenKind.VariableStart, start, offset + length);
        }

        var inComment = Matches(offset, CommentStart);
        var index = inComment ? offset + 2 : offset;
        while (true)
        {
            var next = _text.IndexOfAny(BeginChars, index);
            if (next < 0)
            {
                if (inComment)
                {
                    throw new NunjucksSyntaxException(start, "expected end of comment, got end of file");
                }

                return Make(NunjucksTemplateTokenKind.Data, start, _text.Length);
            }

            index = next;
            if (!inComment && Matches(index, BlockStart) && _lstripBlocks)
            {
                return StripBeforeBlock(start, index);
            }

            if (!inComment && (Matches(index, BlockStart) || Matches(index, VariableStart) || Matches(index, CommentStart)))
            {
                return Make(NunjucksTemplateTokenKind.Data, start, index);
            }

            if (Matches(index, CommentEnd))
            {
                if (!inComment)
                {
                    throw new NunjucksSyntaxException(Advance(start, index), "unexpected end of comment");
                }

                return Make(NunjucksTemplateTokenKind.Comment, start, index + 2);
            }

            index++;
        }
    }

    /// <summary>
    /// <c>lstripBlocks</c>: text from the start of the line up to a tag, if only whitespace, is dropped
    /// (when the line starts within this text); with nothing left, the tag itself is the next token.
    /// </summary>
    private NunjucksTemplateToken StripBeforeBlock(TextPosition start, int blockOffset)
    {
        var blockPosition = Advance(start, blockOffset);
        var column = blockPosition.Column;
        var length = blockOffset - start.Offset;
        if (column > 0 && column <= length && _text.AsSpan(blockOffset - column, column).IndexOfAnyExcept(JsWhitespace) < 0)
        {
            if (length == column)
            {
                return Next(blockPosition);
            }

            return new NunjucksTemplateToken(NunjucksTemplateTokenKind.Data, _text[start.Offset..(blockOffset - column)], start, blockPosition);
        }

        return Make(NunjucksTemplateTokenKind.Data, start, blockOffset);
    }

    private const string JsWhitespace = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

    private bool Matches(int offset, string value) =>
        offset + value.Length <= _text.Length && string.CompareOrdinal(_text, offset, value, 0, value.Length) == 0;

    private NunjucksTemplateToken Make(NunjucksTemplateTokenKind kind, TextPosition start, int end) =>
        new(kind, _text[start.Offset..end], start, Advance(start, end));

    /// <summary>The position of <paramref name="offset"/>, counting lines and columns from <paramref name="from"/>.</summary>
    public TextPosition Advance(TextPosition from, int offset)
    {
        var line = from.Line;
        var column = from.Column;
        var index = from.Offset;
        while (true)
        {
            var newLine = _text.IndexOf('\n', index, offset - index);
            if (newLine < 0)
            {
                column += offset - index;
                break;
            }

            line++;
            column = 0;
            index = newLine + 1;
        }

        return new TextPosition(offset, line, column);
    }
}
