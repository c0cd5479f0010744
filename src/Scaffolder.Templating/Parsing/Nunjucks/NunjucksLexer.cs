using System.Text;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Parsing.Nunjucks;

internal enum NunjucksTokenKind
{
    String,
    Int,
    Float,
    Boolean,
    None,
    Regex,
    Symbol,
    Operator,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftCurly,
    RightCurly,
    Comma,
    Colon,
    Tilde,
    Pipe,
    VariableEnd,
    BlockEnd,
    EndOfInput,
}

internal readonly record struct NunjucksToken(NunjucksTokenKind Kind, string Value, TextPosition Start, TextPosition End);

/// <summary>
/// Nunjucks' code tokenizer (the part between <c>${{</c> and <c>}}</c>), following its lexer: strings
/// with backslash escapes, delimiter characters, compound operators (<c>===</c>, <c>//</c>, <c>**</c>...),
/// and symbols running up to the next delimiter or space. <c>}}</c> and <c>%}</c> (with or without
/// a leading <c>-</c>) end the code wherever they appear outside a string.
/// </summary>
internal sealed class NunjucksLexer
{
    private const string WhitespaceChars = " \n\t\r\u00A0";
    private const string DelimiterChars = "()[]{}%*-+~/#,:|.<>=!";
    private static readonly string[] CompoundOperators = ["==", "===", "!=", "!==", "<=", ">=", "//", "**"];

    private readonly string _text;
    private readonly int _end;
    private int _offset;
    private int _line;
    private int _column;

    public NunjucksLexer(string text, TextPosition start, int end)
    {
        _text = text;
        _end = end;
        _offset = start.Offset;
        _line = start.Line;
        _column = start.Column;
    }

    public TextPosition Position => new(_offset, _line, _column);

    /// <summary>The next token, skipping whitespace.</summary>
    public NunjucksToken Next()
    {
        while (_offset < _end && WhitespaceChars.Contains(_text[_offset]))
        {
            Forward();
        }

        var start = Position;
        if (_offset >= _end)
        {
            return new NunjucksToken(NunjucksTokenKind.EndOfInput, string.Empty, start, start);
        }

        var c = _text[_offset];
        if (c is '"' or '\'')
        {
            var value = ReadString(c);
            return Make(NunjucksTokenKind.String, value, start);
        }

        // Block ends are looked for before variable ends, wherever the code is, as Nunjucks does.
        if (Matches("%}"))
        {
            Forward(2);
            return Make(NunjucksTokenKind.BlockEnd, "%}", start);
        }

        if (Matches("-%}"))
        {
            Forward(3);
            return Make(NunjucksTokenKind.BlockEnd, "-%}", start);
        }

        if (Matches("}}"))
        {
            Forward(2);
            return Make(NunjucksTokenKind.VariableEnd, "}}", start);
        }

        if (Matches("-}}"))
        {
            Forward(3);
            return Make(NunjucksTokenKind.VariableEnd, "-}}", start);
        }

        if (c == 'r' && _offset + 1 < _end && _text[_offset + 1] == '/')
        {
            // A regular expression literal (r/.../flags): recognised so that it can be refused clearly.
            Forward(2);
            while (_offset < _end && !(_text[_offset] == '/' && _text[_offset - 1] != '\\'))
            {
                Forward();
            }

            Forward();
            return Make(NunjucksTokenKind.Regex, _text[start.Offset..Math.Min(_offset, _end)], start);
        }

        if (DelimiterChars.Contains(c))
        {
            Forward();
            var op = c.ToString();
            if (_offset < _end && Array.IndexOf(CompoundOperators, op + _text[_offset]) >= 0)
            {
                op += _text[_offset];
                Forward();
                if (_offset < _end && Array.IndexOf(CompoundOperators, op + _text[_offset]) >= 0)
                {
                    op += _text[_offset];
                    Forward();
                }
            }

            var kind = op switch
            {
                "(" => NunjucksTokenKind.LeftParen,
                ")" => NunjucksTokenKind.RightParen,
                "[" => NunjucksTokenKind.LeftBracket,
                "]" => NunjucksTokenKind.RightBracket,
                "{" => NunjucksTokenKind.LeftCurly,
                "}" => NunjucksTokenKind.RightCurly,
                "," => NunjucksTokenKind.Comma,
                ":" => NunjucksTokenKind.Colon,
                "~" => NunjucksTokenKind.Tilde,
                "|" => NunjucksTokenKind.Pipe,
                _ => NunjucksTokenKind.Operator,
            };
            return Make(kind, op, start);
        }

        while (_offset < _end && !WhitespaceChars.Contains(_text[_offset]) && !DelimiterChars.Contains(_text[_offset]))
        {
            Forward();
        }

        var symbol = _text[start.Offset.._offset];
        if (symbol.All(char.IsAsciiDigit))
        {
            if (_offset < _end && _text[_offset] == '.')
            {
                Forward();
                var decimals = _offset;
                while (_offset < _end && char.IsAsciiDigit(_text[_offset]))
                {
                    Forward();
                }

                return Make(NunjucksTokenKind.Float, symbol + "." + _text[decimals.._offset], start);
            }

            return Make(NunjucksTokenKind.Int, symbol, start);
        }

        return symbol switch
        {
            "true" or "false" => Make(NunjucksTokenKind.Boolean, symbol, start),
            "none" or "null" => Make(NunjucksTokenKind.None, symbol, start),
            _ => Make(NunjucksTokenKind.Symbol, symbol, start),
        };
    }

    private NunjucksToken Make(NunjucksTokenKind kind, string value, TextPosition start) =>
        new(kind, value, start, new TextPosition(_offset - 1, _line, Math.Max(0, _column - 1)));

    private bool Matches(string value) =>
        _offset + value.Length <= _end && string.CompareOrdinal(_text, _offset, value, 0, value.Length) == 0;

    private string ReadString(char delimiter)
    {
        Forward();
        var builder = new StringBuilder();
        while (_offset < _end && _text[_offset] != delimiter)
        {
            var c = _text[_offset];
            if (c == '\\' && _offset + 1 < _end)
            {
                Forward();
                builder.Append(_text[_offset] switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    var other => other,
                });
            }
            else
            {
                builder.Append(c);
            }

            Forward();
        }

        Forward();
        return builder.ToString();
    }

    private void Forward(int count = 1)
    {
        for (var i = 0; i < count && _offset < _end; i++)
        {
            if (_text[_offset] == '\n')
            {
                _line++;
                _column = 0;
            }
            else
            {
                _column++;
            }

            _offset++;
        }
    }
}
