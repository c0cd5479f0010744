using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Parsing.Nunjucks;

/// <summary>
/// Token-level access for the template parser: a tag (<c>{% for k, v in x %}</c>) is read token by
/// token, with expressions in between, up to its block end.
/// </summary>
internal sealed partial class NunjucksExpressionParser
{
    /// <summary>Starts reading code at <paramref name="start"/> (just after <c>{%</c> or <c>${{</c>).</summary>
    public void BeginCode(TextPosition start)
    {
        _lexer = new NunjucksLexer(_text, start, _text.Length);
        _lexerDone = false;
        _buffer.Clear();
        _heights.Clear();
        _depth = 0;
    }

    /// <summary>Where reading stopped: just after the last token taken (the tag's end once it is consumed).</summary>
    public TextPosition CodePosition => _buffer.Count > 0 ? _buffer[0].Start : _lexer.Position;

    public NunjucksToken PeekToken() => Peek();

    public NunjucksToken NextToken() => Next();

    /// <summary>Takes the next token when it is the symbol <paramref name="value"/>.</summary>
    public bool SkipSymbolToken(string value) => SkipSymbol(value);

    public bool SkipToken(NunjucksTokenKind kind) => Skip(kind);

    /// <summary>Takes the next token when it is the operator <paramref name="value"/> (<c>=</c>).</summary>
    public bool SkipOperatorToken(string value) => SkipOperator(value);

    /// <summary>A whole expression (Nunjucks' <c>parseExpression</c>).</summary>
    public Expression ParseCodeExpression()
    {
        _heights.Clear();
        _depth = 0;
        return ParseInlineIf();
    }

    /// <summary>A primary with its lookups and calls (Nunjucks' <c>parsePrimary</c>): loop and set targets.</summary>
    public Expression ParseCodePrimary()
    {
        _heights.Clear();
        _depth = 0;
        return ParsePrimary();
    }

    /// <summary>The <c>name(args)</c> of a <c>{% filter %}</c> tag, applied to <paramref name="input"/>.</summary>
    public Expression ParseFilterTag(Expression input)
    {
        _heights.Clear();
        _depth = 0;
        return ParseFilterCall(input);
    }

    public NunjucksSyntaxException Fail(NunjucksToken token, string message) => Error(token, message);

    public static string DescribeToken(NunjucksToken token) => Describe(token);
}
