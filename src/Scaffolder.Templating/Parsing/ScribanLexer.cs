using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Parsing;

/// <summary>
/// Splits Scriban template text into tokens on demand. Text outside <c>{{ }}</c> becomes
/// <see cref="TokenType.Raw"/> tokens; whitespace-control markers (<c>-</c>, <c>~</c>) are applied
/// here by shortening raw tokens and emitting hidden whitespace tokens.
/// </summary>
internal sealed class ScribanLexer
{
    private const char EscapeMarker = '%';

    private readonly string _text;
    private readonly string _sourceName;
    private readonly int _length;
    private readonly Queue<Token> _pending = new();
    private readonly Stack<char> _openInterpolations = new();
    private readonly List<TemplateMessage> _errors = [];
    private readonly bool _scriptOnly;

    private TextPosition _position;
    private char _c;
    private Token _token;
    private BlockKind _block = BlockKind.Raw;
    private int _openBraces;
    private int _escapeCount;
    private bool _interpolationJustOpened;
    private bool _interpolationJustClosed;

    /// <param name="scriptOnly">The whole text is code, without <c>{{ }}</c> (used by <c>object.eval</c>).</param>
    public ScribanLexer(string text, string sourceName, bool scriptOnly = false)
    {
        _text = text;
        _sourceName = sourceName;
        _scriptOnly = scriptOnly;
        _block = scriptOnly ? BlockKind.Code : BlockKind.Raw;
        _length = text.Length;
        _position = new TextPosition(0, 0, 0);
        _c = _length > 0 ? text[0] : '\0';
    }

    private enum BlockKind
    {
        Code,
        Escape,
        Raw,
    }

    public string Text => _text;

    public IReadOnlyList<TemplateMessage> Errors => _errors;

    public Token Current => _token;

    private bool AnyInterpolationOpen => _openInterpolations.Count > 0;

    public bool MoveNext()
    {
        var previous = TextPosition.None;
        var first = true;
        while (true)
        {
            if (_pending.Count > 0)
            {
                _token = _pending.Dequeue();
                return true;
            }

            if (_token.Type == TokenType.Eof)
            {
                return false;
            }

            if (_position.Offset == _length)
            {
                _token = Token.EndOfFile;
                return true;
            }

            if (!first && previous == _position)
            {
                // Defensive: never spin on malformed input; report it and stop.
                AddError("Unexpected character sequence; the lexer could not make progress", _position, _position);
                _token = Token.EndOfFile;
                return true;
            }

            first = false;
            previous = _position;

            if (!_scriptOnly && _block == BlockKind.Raw && IsCodeEnterOrEscape(out _))
            {
                ReadCodeEnterOrEscape();
                return true;
            }

            if (!_scriptOnly && _block != BlockKind.Raw && IsCodeExit())
            {
                var wasCode = _block == BlockKind.Code;
                ReadCodeExitOrEscapeExit();
                if (wasCode)
                {
                    return true;
                }

                continue;
            }

            if (_position.Offset == _length)
            {
                _token = Token.EndOfFile;
                return true;
            }

            if (_block == BlockKind.Code ? ReadCode() : ReadRaw())
            {
                return true;
            }
        }
    }

    private bool IsCodeEnterOrEscape(out TokenType whitespaceMode)
    {
        whitespaceMode = TokenType.Invalid;
        if (_c != '{')
        {
            return false;
        }

        var i = 1;
        var next = Peek(i);
        while (next == EscapeMarker)
        {
            i++;
            next = Peek(i);
        }

        if (next != '{')
        {
            return false;
        }

        var marker = Peek(i + 1);
        if (marker == '-')
        {
            whitespaceMode = TokenType.WhitespaceFull;
        }
        else if (marker == '~')
        {
            whitespaceMode = TokenType.Whitespace;
        }

        return true;
    }

    private void ReadCodeEnterOrEscape()
    {
        var start = _position;
        var end = _position;
        NextChar();
        while (_c == EscapeMarker)
        {
            _escapeCount++;
            end = end.NextColumn();
            NextChar();
        }

        end = end.NextColumn();
        NextChar();
        if (_c is '-' or '~')
        {
            end = end.NextColumn();
            NextChar();
        }

        if (_escapeCount > 0)
        {
            _block = BlockKind.Escape;
            _token = new Token(TokenType.EscapeEnter, start, end);
        }
        else
        {
            _block = BlockKind.Code;
            _token = new Token(TokenType.CodeEnter, start, end);
        }
    }

    private bool IsCodeExit()
    {
        if (_openBraces > 0)
        {
            return false;
        }

        var offset = _c is '-' or '~' ? 1 : 0;
        if (Peek(offset) != '}' || AnyInterpolationOpen)
        {
            return false;
        }

        offset++;
        for (var i = 0; i < _escapeCount; i++)
        {
            if (Peek(i + offset) != EscapeMarker)
            {
                return false;
            }
        }

        return Peek(_escapeCount + offset) == '}';
    }

    private void ReadCodeExitOrEscapeExit()
    {
        var start = _position;
        var whitespaceMode = TokenType.Invalid;
        if (_c == '-')
        {
            whitespaceMode = TokenType.WhitespaceFull;
            NextChar();
        }
        else if (_c == '~')
        {
            whitespaceMode = TokenType.Whitespace;
            NextChar();
        }

        NextChar();
        for (var i = 0; i < _escapeCount; i++)
        {
            NextChar();
        }

        var end = _position;
        NextChar();

        if (_escapeCount > 0)
        {
            _pending.Enqueue(new Token(TokenType.EscapeExit, start, end));
            _escapeCount = 0;
        }
        else
        {
            _token = new Token(TokenType.CodeExit, start, end);
        }

        if (whitespaceMode != TokenType.Invalid)
        {
            var spaceStart = _position;
            var spaceEnd = default(TextPosition);
            var restricted = whitespaceMode == TokenType.Whitespace;
            if (ConsumeWhitespace(restricted, ref spaceEnd, keepNewLine: restricted))
            {
                _pending.Enqueue(new Token(whitespaceMode, spaceStart, spaceEnd));
            }
        }

        _block = BlockKind.Raw;
    }

    private bool ReadRaw()
    {
        var start = _position;
        var end = new TextPosition(-1, 0, 0);
        var reachedBlock = false;
        var whitespaceMode = TokenType.Invalid;
        var isEmpty = false;

        var beforeSpaceFull = TextPosition.None;
        var beforeSpaceRestricted = TextPosition.None;
        var lastSpaceFull = TextPosition.None;
        var lastSpaceRestricted = TextPosition.None;
        while (_c != '\0')
        {
            if ((_block == BlockKind.Raw && IsCodeEnterOrEscape(out whitespaceMode)) || (_block == BlockKind.Escape && IsCodeExit()))
            {
                isEmpty = end.Offset < 0;
                reachedBlock = true;
                break;
            }

            if (char.IsWhiteSpace(_c))
            {
                if (lastSpaceFull.Offset < 0)
                {
                    lastSpaceFull = _position;
                    beforeSpaceFull = end;
                }

                if (!(_c == '\n' || (_c == '\r' && Peek() != '\n')))
                {
                    if (lastSpaceRestricted.Offset < 0)
                    {
                        lastSpaceRestricted = _position;
                        beforeSpaceRestricted = end;
                    }
                }
                else
                {
                    lastSpaceRestricted = lastSpaceRestricted with { Offset = -1 };
                    beforeSpaceRestricted = beforeSpaceRestricted with { Offset = -1 };
                }
            }
            else
            {
                lastSpaceFull = lastSpaceFull with { Offset = -1 };
                beforeSpaceFull = beforeSpaceFull with { Offset = -1 };
                lastSpaceRestricted = lastSpaceRestricted with { Offset = -1 };
                beforeSpaceRestricted = beforeSpaceRestricted with { Offset = -1 };
            }

            end = _position;
            NextChar();
        }

        if (end.Offset < 0)
        {
            end = start;
        }

        var lastSpace = whitespaceMode == TokenType.Whitespace ? lastSpaceRestricted : lastSpaceFull;
        var beforeSpace = whitespaceMode == TokenType.Whitespace ? beforeSpaceRestricted : beforeSpaceFull;
        if (whitespaceMode != TokenType.Invalid && lastSpace.Offset >= 0)
        {
            _pending.Enqueue(new Token(whitespaceMode, lastSpace, end));
            if (beforeSpace.Offset < 0)
            {
                return false;
            }

            end = beforeSpace;
        }

        if (reachedBlock && isEmpty)
        {
            end = new TextPosition(start.Offset - 1, start.Line, start.Column - 1);
        }

        _token = new Token(_block == BlockKind.Escape ? TokenType.Escape : TokenType.Raw, start, end);
        if (!reachedBlock)
        {
            NextChar();
        }

        return true;
    }

    private bool ReadCode()
    {
        var start = _position;
        if (_interpolationJustOpened)
        {
            var brace = new TextPosition(_position.Offset - 1, _position.Line, _position.Column - 1);
            _token = new Token(TokenType.OpenInterpolatedBrace, brace, brace);
            _interpolationJustOpened = false;
            return true;
        }

        if (_interpolationJustClosed)
        {
            _interpolationJustClosed = false;
            ReadInterpolatedString();
            return true;
        }

        switch (_c)
        {
            case '\n':
                _token = new Token(TokenType.NewLine, start, _position);
                NextChar();
                ConsumeNewLineTail();
                return true;
            case ';':
                Single(TokenType.SemiColon);
                return true;
            case '\r':
                NextChar();
                if (_c == '\n')
                {
                    _token = new Token(TokenType.NewLine, start, _position);
                    NextChar();
                }
                else
                {
                    _token = new Token(TokenType.NewLine, start, start);
                }

                ConsumeNewLineTail();
                return true;
            case ':':
                Single(TokenType.Colon);
                return true;
            case '@':
                Single(TokenType.Arroba);
                return true;
            case '^':
                Pair(TokenType.Caret, ('^', TokenType.DoubleCaret));
                return true;
            case '*':
                Pair(TokenType.Asterisk, ('=', TokenType.AsteriskEqual));
                return true;
            case '/':
                NextChar();
                if (_c == '/')
                {
                    _token = new Token(TokenType.DoubleDivide, start, _position);
                    NextChar();
                    if (_c == '=')
                    {
                        _token = new Token(TokenType.DoubleDivideEqual, start, _position);
                        NextChar();
                    }
                }
                else if (_c == '=')
                {
                    _token = new Token(TokenType.DivideEqual, start, _position);
                    NextChar();
                }
                else
                {
                    _token = new Token(TokenType.Divide, start, start);
                }

                return true;
            case '+':
                Pair(TokenType.Plus, ('+', TokenType.DoublePlus), ('=', TokenType.PlusEqual));
                return true;
            case '-':
                Pair(TokenType.Minus, ('-', TokenType.DoubleMinus), ('=', TokenType.MinusEqual));
                return true;
            case '%':
                Pair(TokenType.Percent, ('=', TokenType.PercentEqual));
                return true;
            case ',':
                Single(TokenType.Comma);
                return true;
            case '&':
                Pair(TokenType.Amp, ('&', TokenType.DoubleAmp));
                return true;
            case '?':
                Pair(TokenType.Question, ('?', TokenType.DoubleQuestion), ('.', TokenType.QuestionDot), ('!', TokenType.QuestionExclamation));
                return true;
            case '|':
                Pair(TokenType.VerticalBar, ('|', TokenType.DoubleVerticalBar), ('>', TokenType.PipeGreater));
                return true;
            case '.':
                NextChar();
                if (_c == '.')
                {
                    var second = _position;
                    NextChar();
                    if (_c == '<')
                    {
                        _token = new Token(TokenType.DoubleDotLess, start, _position);
                        NextChar();
                    }
                    else if (_c == '.')
                    {
                        _token = new Token(TokenType.TripleDot, start, _position);
                        NextChar();
                    }
                    else
                    {
                        _token = new Token(TokenType.DoubleDot, start, second);
                    }
                }
                else
                {
                    _token = new Token(TokenType.Dot, start, start);
                }

                return true;
            case '!':
                Pair(TokenType.Exclamation, ('=', TokenType.ExclamationEqual));
                return true;
            case '=':
                Pair(TokenType.Equal, ('=', TokenType.DoubleEqual));
                return true;
            case '<':
                Pair(TokenType.Less, ('=', TokenType.LessEqual), ('<', TokenType.DoubleLessThan));
                return true;
            case '>':
                Pair(TokenType.Greater, ('=', TokenType.GreaterEqual), ('>', TokenType.DoubleGreaterThan));
                return true;
            case '(':
                Single(TokenType.OpenParen);
                return true;
            case ')':
                Single(TokenType.CloseParen);
                return true;
            case '[':
                Single(TokenType.OpenBracket);
                return true;
            case ']':
                Single(TokenType.CloseBracket);
                return true;
            case '{':
                _openBraces++;
                Single(TokenType.OpenBrace);
                return true;
            case '}':
                if (AnyInterpolationOpen)
                {
                    _interpolationJustClosed = true;
                    _token = new Token(TokenType.CloseInterpolatedBrace, _position, _position);
                    return true;
                }

                if (_openBraces > 0)
                {
                    _openBraces--;
                    Single(TokenType.CloseBrace);
                    return true;
                }

                if (!_scriptOnly && IsCodeExit())
                {
                    return false;
                }

                AddError("Unexpected } while no matching {", _position, _position);
                Single(TokenType.CloseBrace);
                return true;
            case '#':
                ReadComment();
                return true;
            case '"':
            case '\'':
                ReadString();
                return true;
            case '`':
                ReadVerbatimString();
                return true;
            case '\0':
                _token = Token.EndOfFile;
                return true;
        }

        var lastSpace = default(TextPosition);
        if (ConsumeWhitespace(true, ref lastSpace))
        {
            return false;
        }

        var special = _c == '$';
        if (special && Peek() is '"' or '\'')
        {
            ReadInterpolatedString();
            return true;
        }

        if (IsFirstIdentifierLetter(_c) || special)
        {
            ReadIdentifier(special);
            return true;
        }

        if (char.IsDigit(_c))
        {
            ReadNumber();
            return true;
        }

        Single(TokenType.Invalid);
        return true;
    }

    private void Single(TokenType type)
    {
        _token = new Token(type, _position, _position);
        NextChar();
    }

    private void Pair(TokenType single, params (char Next, TokenType Type)[] pairs)
    {
        var start = _position;
        NextChar();
        foreach (var (next, type) in pairs)
        {
            if (_c == next)
            {
                _token = new Token(type, start, _position);
                NextChar();
                return;
            }
        }

        _token = new Token(single, start, start);
    }

    private void ConsumeNewLineTail()
    {
        var end = _token.End;
        ConsumeWhitespace(false, ref end);
        _token = _token with { End = end };
    }

    private bool ConsumeWhitespace(bool stopAtNewLine, ref TextPosition lastSpace, bool keepNewLine = false)
    {
        var start = _position;
        while (char.IsWhiteSpace(_c))
        {
            if (stopAtNewLine && _c == '\n')
            {
                if (keepNewLine)
                {
                    lastSpace = _position;
                    NextChar();
                }

                break;
            }

            lastSpace = _position;
            NextChar();
        }

        return start != _position;
    }

    private void ReadIdentifier(bool special)
    {
        var start = _position;
        TextPosition last;
        var first = true;
        do
        {
            last = _position;
            NextChar();
            if (first && special && _c == '$')
            {
                _token = new Token(TokenType.IdentifierSpecial, start, _position);
                NextChar();
                return;
            }

            first = false;
        }
        while (IsIdentifierLetter(_c));

        _token = new Token(special ? TokenType.IdentifierSpecial : TokenType.Identifier, start, last);
    }

    private static bool IsFirstIdentifierLetter(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierLetter(char c) => IsFirstIdentifierLetter(c) || char.IsDigit(c);

    private static bool IsNumberSuffix(char c) => c is 'f' or 'F' or 'd' or 'D' or 'm' or 'M';

    private void ReadNumber()
    {
        var start = _position;
        var end = _position;
        var isFloat = false;
        var isZero = _c == '0';
        NextChar();

        if (isZero && _c == 'x')
        {
            ReadHexadecimal(start);
            return;
        }

        if (isZero && _c == 'b')
        {
            ReadBinary(start);
            return;
        }

        while (char.IsDigit(_c) || _c == '_')
        {
            end = _position;
            NextChar();
        }

        if (_c == '.')
        {
            var next = Peek();
            if (next != '.' && (IsNumberSuffix(next) || char.IsDigit(next) || !char.IsLetter(next) || next is 'e' or 'E'))
            {
                isFloat = true;
                end = _position;
                NextChar();
                while (char.IsDigit(_c))
                {
                    end = _position;
                    NextChar();
                }
            }
        }

        if (_c is 'e' or 'E')
        {
            end = _position;
            NextChar();
            if (_c is '+' or '-')
            {
                end = _position;
                NextChar();
            }

            if (!char.IsDigit(_c))
            {
                AddError("Expecting at least one digit after the exponent", _position, _position);
                return;
            }

            while (char.IsDigit(_c))
            {
                end = _position;
                NextChar();
            }
        }

        if (!IsIdentifierLetter(Peek()) && IsNumberSuffix(_c))
        {
            isFloat = true;
            end = _position;
            NextChar();
        }

        _token = new Token(isFloat ? TokenType.Float : TokenType.Integer, start, end);
    }

    private void ReadHexadecimal(TextPosition start)
    {
        var end = _position;
        NextChar();
        var hasDigit = false;
        while (true)
        {
            if (char.IsAsciiHexDigit(_c))
            {
                hasDigit = true;
            }
            else if (_c != '_')
            {
                break;
            }

            end = _position;
            NextChar();
        }

        if (!IsIdentifierLetter(Peek()) && _c is 'u' or 'U')
        {
            end = _position;
            NextChar();
        }

        if (hasDigit)
        {
            _token = new Token(TokenType.HexaInteger, start, end);
        }
        else
        {
            AddError("Invalid hex number, expecting at least a hex digit [0-9a-fA-F] after 0x", start, end);
        }
    }

    private void ReadBinary(TextPosition start)
    {
        var end = _position;
        NextChar();
        var hasDigit = false;
        var hasDot = false;
        while (true)
        {
            if (_c is '0' or '1')
            {
                hasDigit = true;
            }
            else if (_c != '_')
            {
                break;
            }

            end = _position;
            NextChar();
            if (_c == '.')
            {
                if (hasDot)
                {
                    break;
                }

                var next = Peek();
                if (next is not ('0' or '1'))
                {
                    break;
                }

                hasDot = true;
                NextChar();
            }
        }

        if (!IsIdentifierLetter(Peek()) && (_c is 'u' or 'U' || (hasDot && _c is 'f' or 'F' or 'd' or 'D')))
        {
            end = _position;
            NextChar();
        }

        if (hasDigit)
        {
            _token = new Token(TokenType.BinaryInteger, start, end);
        }
        else
        {
            AddError("Invalid binary number, expecting at least a binary digit 0 or 1 after 0b", start, end);
        }
    }

    /// <summary>Consumes the character after a backslash; returns false when it is not a valid escape.</summary>
    private bool ReadEscape(ref TextPosition end, bool allowBrace)
    {
        switch (_c)
        {
            case '\n':
                end = _position;
                NextChar();
                return true;
            case '\r':
                end = _position;
                NextChar();
                if (_c == '\n')
                {
                    end = _position;
                    NextChar();
                }

                return true;
            case '0' or '\'' or '"' or '\\' or 'b' or 'f' or 'n' or 'r' or 't' or 'v':
                end = _position;
                NextChar();
                return true;
            case '{' when allowBrace:
                end = _position;
                NextChar();
                return true;
            case 'u':
                return ReadHexDigits(ref end, 4, "`\\u`. Expecting `\\u0000` to `\\uffff`.");
            case 'x':
                return ReadHexDigits(ref end, 2, "`\\x`. Expecting `\\x00` to `\\xff`");
            default:
                return false;
        }
    }

    // The escape letter is the current character; exactly `count` hex digits must follow it.
    private bool ReadHexDigits(ref TextPosition end, int count, string expectation)
    {
        end = _position;
        NextChar();
        for (var i = 0; i < count; i++)
        {
            if (!char.IsAsciiHexDigit(_c))
            {
                AddError($"Unexpected hex number `{_c}` following {expectation}", _position, _position);
                return false;
            }

            end = _position;
            NextChar();
        }

        return true;
    }

    private void ReadString()
    {
        var start = _position;
        var end = _position;
        var quote = _c;
        NextChar();
        while (true)
        {
            if (_c == '\\')
            {
                end = _position;
                NextChar();
                if (!ReadEscape(ref end, allowBrace: false))
                {
                    AddError($"Unexpected escape character `{_c}` in string. Only 0 ' \\ \" b f n r t v u0000-uFFFF x00-xFF are allowed", _position, _position);
                }
            }
            else if (_c == '\0')
            {
                AddError($"Unexpected end of file while parsing a string not terminated by a {quote}", end, end);
                return;
            }
            else if (_c == quote)
            {
                end = _position;
                NextChar();
                break;
            }
            else
            {
                end = _position;
                NextChar();
            }
        }

        _token = new Token(TokenType.String, start, end);
    }

    private void ReadVerbatimString()
    {
        var start = _position;
        var end = _position;
        NextChar();
        while (true)
        {
            if (_c == '\0')
            {
                AddError("Unexpected end of file while parsing a verbatim string not terminated by a `", end, end);
                return;
            }

            if (_c == '`')
            {
                end = _position;
                NextChar();
                if (_c != '`')
                {
                    break;
                }

                end = _position;
                NextChar();
            }
            else
            {
                end = _position;
                NextChar();
            }
        }

        _token = new Token(TokenType.VerbatimString, start, end);
    }

    private void ReadInterpolatedString()
    {
        var start = _position;
        var end = _position;
        var quote = _c;
        var continuing = _c is not ('"' or '\'' or '$');
        if (continuing)
        {
            quote = _openInterpolations.Peek();
        }

        if (quote == '$')
        {
            NextChar();
            quote = _c;
        }

        NextChar();
        while (true)
        {
            if (_c == '\\')
            {
                end = _position;
                NextChar();
                if (!ReadEscape(ref end, allowBrace: true))
                {
                    AddError($"Unexpected escape character `{_c}` in string. Only 0 ' \\ \" b f n r t v u0000-uFFFF x00-xFF are allowed", _position, _position);
                }
            }
            else if (_c == '\0')
            {
                AddError($"Unexpected end of file while parsing a string not terminated by a {quote}", end, end);
                return;
            }
            else if (_c == '{')
            {
                end = _position;
                if (continuing)
                {
                    _token = new Token(TokenType.ContinuationInterpolatedString, start, end);
                }
                else
                {
                    _token = new Token(TokenType.BeginInterpolatedString, start, end);
                    _openInterpolations.Push(quote);
                }

                NextChar();
                _interpolationJustOpened = true;
                return;
            }
            else if (_c == quote)
            {
                end = _position;
                NextChar();
                break;
            }
            else
            {
                end = _position;
                NextChar();
            }
        }

        if (continuing)
        {
            _openInterpolations.Pop();
            _token = new Token(TokenType.EndingInterpolatedString, start, end);
        }
        else
        {
            _token = new Token(TokenType.InterpolatedString, start, end);
        }
    }

    private void ReadComment()
    {
        var start = _position;
        var end = _position;
        NextChar();
        var multiLine = _c == '#';
        if (multiLine)
        {
            end = _position;
            NextChar();
            while (!IsCodeExit() && _c != '\0')
            {
                var maybeEnd = _c == '#';
                end = _position;
                NextChar();
                if (maybeEnd && _c == '#')
                {
                    end = _position;
                    NextChar();
                    break;
                }
            }
        }
        else
        {
            while ((_scriptOnly || !IsCodeExit()) && _c is not ('\0' or '\r' or '\n'))
            {
                end = _position;
                NextChar();
            }
        }

        _token = new Token(multiLine ? TokenType.CommentMulti : TokenType.Comment, start, end);
    }

    private char Peek(int count = 1)
    {
        var offset = _position.Offset + count;
        return offset >= 0 && offset < _length ? _text[offset] : '\0';
    }

    private void NextChar()
    {
        var offset = _position.Offset + 1;
        if (offset < _length)
        {
            var next = _text[offset];
            _position = _c == '\n' || (_c == '\r' && next != '\n')
                ? new TextPosition(offset, _position.Line + 1, 0)
                : new TextPosition(offset, _position.Line, _position.Column + 1);
            _c = next;
        }
        else
        {
            _position = _position with { Offset = _length };
            _c = '\0';
        }
    }

    private void AddError(string message, TextPosition start, TextPosition end)
    {
        _token = new Token(TokenType.Invalid, start, end);
        _errors.Add(new TemplateMessage(new SourceSpan(_sourceName, start, end), message));
    }
}
