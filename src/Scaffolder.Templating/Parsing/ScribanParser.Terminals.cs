using System.Globalization;
using System.Numerics;
using System.Text;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Parsing;

internal sealed partial class ScribanParser
{
    private Expression ParseVariable()
    {
        var token = Current;
        var span = CurrentSpan;
        var text = GetText(token);
        switch (text)
        {
            case "null":
                NextToken();
                return Close(new LiteralExpression(null) { Span = span });
            case "true":
                NextToken();
                return Close(new LiteralExpression(true) { Span = span });
            case "false":
                NextToken();
                return Close(new LiteralExpression(false) { Span = span });
            case "do":
            {
                var function = ParseFunctionStatement(isAnonymous: true);
                return new AnonymousFunctionExpression(function) { Span = function.Span };
            }

            case "this":
            {
                var self = Open(new ThisExpression());
                ExpectKeyword("this");
                return Close(self);
            }
        }

        NextToken();
        var isLocal = false;
        if (text.StartsWith('$'))
        {
            isLocal = true;
            text = text[1..];
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
            {
                // $0, $1 ... are shorthands for $[0], $[1] ...
                return new IndexerExpression(
                    new VariableExpression(string.Empty, isLocal: true) { Span = span },
                    new LiteralExpression(index) { Span = span })
                {
                    Span = span,
                };
            }
        }
        else if (text is "for" or "while" or "tablerow" && Current.Type == TokenType.Dot)
        {
            CheckLoopVariable(token, text);
        }

        return new VariableExpression(text, isLocal) { Span = span };
    }

    private void CheckLoopVariable(Token loopToken, string loop)
    {
        var next = PeekToken();
        if (next.Type != TokenType.Identifier)
        {
            LogError(loopToken, $"Invalid token `{GetTextForLog(Current)}`. The loop variable <{loop}> dot must be followed by an identifier");
            return;
        }

        var member = GetText(next);
        switch (member)
        {
            case "first" or "even" or "odd" or "index":
                break;
            case "last" or "changed" or "length" or "rindex":
                if (loop == "while")
                {
                    LogError(loopToken, $"The loop variable <while.{member}> is invalid");
                }

                break;
            case "col":
                if (loop != "tablerow")
                {
                    LogError(loopToken, $"The loop variable <{loop}.col> is invalid");
                }

                break;
            default:
                LogError(loopToken, $"The loop variable <{loop}.{member}> is not supported");
                break;
        }
    }

    private LiteralExpression ParseInteger()
    {
        var span = CurrentSpan;
        var text = GetText(Current).Replace("_", string.Empty, StringComparison.Ordinal);
        object? value = null;
        if (long.TryParse(text, NumberStyles.Integer | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var result))
        {
            value = result is >= int.MinValue and <= int.MaxValue ? (object)(int)result : result;
        }
        else if (BigInteger.TryParse(text, NumberStyles.Integer | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var big))
        {
            value = big;
        }
        else
        {
            LogError($"Unable to parse the integer {text}");
        }

        NextToken();
        return Close(new LiteralExpression(value) { Span = span });
    }

    private LiteralExpression ParseHexaInteger()
    {
        var span = CurrentSpan;
        var text = GetText(Current)[2..].Replace("_", string.Empty, StringComparison.Ordinal);
        var isUnsigned = text.EndsWith('u') || text.EndsWith('U');
        if (isUnsigned)
        {
            text = text[..^1];
        }

        object? value = null;
        if (ulong.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var result))
        {
            if (result <= uint.MaxValue)
            {
                value = isUnsigned ? (object)(long)(uint)result : unchecked((int)(uint)result);
            }
            else
            {
                value = isUnsigned ? (object)new BigInteger(result) : unchecked((long)result);
            }
        }
        else if (BigInteger.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var big))
        {
            value = big;
        }
        else
        {
            LogError($"Unable to parse the integer {text}");
        }

        NextToken();
        return Close(new LiteralExpression(value) { Span = span });
    }

    private LiteralExpression ParseBinaryInteger()
    {
        var span = CurrentSpan;
        var text = GetText(Current).Replace("_", string.Empty, StringComparison.Ordinal);
        var isUnsigned = text.EndsWith('u') || text.EndsWith('U');
        if (isUnsigned)
        {
            text = text[..^1];
        }

        object value;
        var dotIndex = text.IndexOf('.', StringComparison.Ordinal);
        if (dotIndex > 2)
        {
            var isFloat = false;
            if (text.EndsWith('f') || text.EndsWith('F'))
            {
                text = text[..^1];
                isFloat = true;
            }
            else if (text.EndsWith('d') || text.EndsWith('D'))
            {
                text = text[..^1];
            }

            var exponent = dotIndex - 2;
            var number = BigInteger.Zero;
            var digits = 0;
            for (var i = 2; i < text.Length; i++)
            {
                if (text[i] == '.')
                {
                    continue;
                }

                number = (number << 1) | (text[i] == '0' ? BigInteger.Zero : BigInteger.One);
                digits++;
            }

            value = isFloat
                ? (object)((float)number * (float)Math.Pow(2, exponent - digits))
                : (double)number * Math.Pow(2, exponent - digits);
        }
        else
        {
            var number = BigInteger.Zero;
            for (var i = 2; i < text.Length; i++)
            {
                number = (number << 1) | (text[i] == '0' ? BigInteger.Zero : BigInteger.One);
            }

            if (number <= uint.MaxValue)
            {
                value = isUnsigned ? (object)(long)(uint)number : unchecked((int)(uint)number);
            }
            else if (number <= ulong.MaxValue)
            {
                value = isUnsigned ? (object)number : unchecked((long)(ulong)number);
            }
            else
            {
                value = number;
            }
        }

        NextToken();
        return Close(new LiteralExpression(value) { Span = span });
    }

    private LiteralExpression ParseFloat()
    {
        var span = CurrentSpan;
        var text = GetText(Current);
        var suffix = text[^1];
        object? value = null;
        if (suffix is 'f' or 'F')
        {
            if (float.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var single))
            {
                value = single;
            }
            else
            {
                LogError($"Unable to parse float value `{text}`");
            }
        }
        else
        {
            if (suffix is 'm' or 'M' && decimal.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var money))
            {
                value = money;
            }
            else if (double.TryParse(suffix is 'd' or 'D' ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                value = number;
            }

            if (value is null)
            {
                LogError($"Unable to parse double value `{text}`");
            }
        }

        NextToken();
        return Close(new LiteralExpression(value) { Span = span });
    }

    private LiteralExpression ParseString()
    {
        var span = CurrentSpan;
        var quote = _text[Current.Start.Offset];
        var value = DecodeEscapes(Current.Start.Offset + 1, Current.End.Offset, allowBrace: false);
        NextToken();
        return Close(new LiteralExpression(value) { Span = span, Quote = quote });
    }

    private LiteralExpression ParseInterpolatedStringPart()
    {
        var span = CurrentSpan;
        var begin = Current.Start.Offset + 1;
        var quote = _text[begin];
        if (Current.Type is TokenType.BeginInterpolatedString or TokenType.InterpolatedString)
        {
            if (Current.Type == TokenType.BeginInterpolatedString)
            {
                _interpolationQuotes.Push(quote);
            }

            begin++;
        }
        else if (Current.Type == TokenType.EndingInterpolatedString && _interpolationQuotes.Count > 0)
        {
            quote = _interpolationQuotes.Pop();
        }

        var value = DecodeEscapes(begin, Current.End.Offset, allowBrace: true);
        NextToken();
        return Close(new LiteralExpression(value) { Span = span, Quote = quote });
    }

    /// <summary>Decodes the characters in [begin, end) of a string token; the lexer validated the escapes.</summary>
    private string DecodeEscapes(int begin, int end, bool allowBrace)
    {
        if (_text.IndexOf('\\', begin, Math.Max(0, end - begin)) < 0)
        {
            return _text[begin..Math.Max(begin, end)];
        }

        var builder = new StringBuilder(end - begin);
        for (var i = begin; i < end; i++)
        {
            var c = _text[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            i++;
            switch (_text[i])
            {
                case '0':
                    builder.Append('\0');
                    break;
                case '\n':
                    break;
                case '\r':
                    if (i + 1 < end && _text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\'':
                case '"':
                case '\\':
                    builder.Append(_text[i]);
                    break;
                case '{' when allowBrace:
                    builder.Append('{');
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'v':
                    builder.Append('\v');
                    break;
                case 'u':
                    builder.Append((char)ReadHex(ref i, 4));
                    break;
                case 'x':
                    builder.Append((char)ReadHex(ref i, 2));
                    break;
                default:
                    LogError($"Unexpected escape character `{_text[i]}` in string");
                    break;
            }
        }

        return builder.ToString();
    }

    private int ReadHex(ref int i, int digits)
    {
        var value = 0;
        for (var d = 0; d < digits && i + 1 < _text.Length; d++)
        {
            i++;
            var c = _text[i];
            if (!char.IsAsciiHexDigit(c))
            {
                i--;
                break;
            }

            value = (value << 4) | Convert.ToInt32(c.ToString(), 16);
        }

        return value;
    }

    private LiteralExpression ParseVerbatimString()
    {
        var span = CurrentSpan;
        var start = Current.Start.Offset + 1;
        var end = Current.End.Offset;
        var value = _text[start..Math.Max(start, end)].Replace("``", "`", StringComparison.Ordinal);
        NextToken();
        return Close(new LiteralExpression(value) { Span = span, Quote = '`' });
    }
}
