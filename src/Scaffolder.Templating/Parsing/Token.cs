using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Parsing;

/// <summary>A token: its kind and the inclusive range of text it covers.</summary>
internal readonly record struct Token(TokenType Type, TextPosition Start, TextPosition End)
{
    public static readonly Token EndOfFile = new(TokenType.Eof, TextPosition.None, TextPosition.None);

    public string GetText(string text)
    {
        if (Type == TokenType.Eof)
        {
            return "<eof>";
        }

        return Start.Offset < text.Length && End.Offset < text.Length && End.Offset >= Start.Offset - 1
            ? text.Substring(Start.Offset, End.Offset - Start.Offset + 1)
            : "<error>";
    }

    public bool Matches(string expected, string text)
    {
        var length = End.Offset - Start.Offset + 1;
        return expected.Length == length && string.CompareOrdinal(expected, 0, text, Start.Offset, length) == 0;
    }
}
