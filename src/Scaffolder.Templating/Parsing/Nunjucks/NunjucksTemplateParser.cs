using System.Text;
using System.Text.RegularExpressions;
using Scaffolder.Templating.Syntax;
using Scaffolder.Templating.Syntax.Nunjucks;

namespace Scaffolder.Templating.Parsing.Nunjucks;

/// <summary>
/// Parses a Nunjucks template (Backstage's delimiters) into <see cref="NunjucksBody"/>, following
/// Nunjucks' parser: its tags, its whitespace control (<c>{%-</c>, <c>-%}</c>, <c>${{-</c>,
/// <c>-}}</c>, <c>{#-</c>, <c>-#}</c>), its <c>{% raw %}</c> scanning and its error wording. Like
/// Nunjucks, it stops at the first error.
/// </summary>
internal sealed partial class NunjucksTemplateParser
{
    private readonly string _text;
    private readonly string _name;
    private readonly int _maxDepth;
    private readonly bool _trimBlocks;
    private readonly NunjucksTemplateScanner _scanner;
    private readonly NunjucksExpressionParser _code;
    private readonly HashSet<string> _blockNames = new(StringComparer.Ordinal);
    private TextPosition _position = new(0, 0, 0);
    private bool _dropLeadingWhitespace;
    private int _depth;

    public NunjucksTemplateParser(
        string text, string name, int maxDepth, Func<string, bool> isFilter, Func<string, bool> isTest, bool trimBlocks = false, bool lstripBlocks = false)
    {
        _text = text;
        _name = name;
        _maxDepth = maxDepth;
        _trimBlocks = trimBlocks;
        _scanner = new NunjucksTemplateScanner(text, lstripBlocks);
        _code = new NunjucksExpressionParser(text, name, maxDepth, isFilter, isTest);
    }

    /// <summary>Whether the text has anything besides variables that Nunjucks would act on: tags, comments, a stray comment end.</summary>
    public static bool ContainsTagOrComment(string text) =>
        text.Contains(NunjucksTemplateScanner.BlockStart, StringComparison.Ordinal)
        || text.Contains(NunjucksTemplateScanner.CommentStart, StringComparison.Ordinal)
        || text.Contains(NunjucksTemplateScanner.CommentEnd, StringComparison.Ordinal);

    /// <summary>The template's nodes, or an empty body and the error that stopped parsing.</summary>
    public NunjucksBody Parse(out TemplateMessage? error)
    {
        try
        {
            // With nothing to break on, parsing runs to the end of the text.
            var body = ParseNodes([], out _);
            error = null;
            return body;
        }
        catch (NunjucksSyntaxException ex)
        {
            error = new TemplateMessage(new SourceSpan(_name, ex.Position, ex.Position), ex.Message);
            return NunjucksBody.Empty;
        }
    }

    private SourceSpan Span(TextPosition start) => new(_name, start, start);

    /// <summary>
    /// Nodes up to the end of the text or a tag named in <paramref name="breakOn"/>, whose name token
    /// is left for the caller to read (<paramref name="stoppedAt"/>; null at the end of the text).
    /// </summary>
    private NunjucksBody ParseNodes(string[] breakOn, out NunjucksToken? stoppedAt)
    {
        var nodes = new List<NunjucksNode>();
        stoppedAt = null;
        while (true)
        {
            var token = _scanner.Next(_position);
            switch (token.Kind)
            {
                case NunjucksTemplateTokenKind.EndOfInput:
                    return new NunjucksBody(nodes);
                case NunjucksTemplateTokenKind.Data:
                    _position = token.End;
                    nodes.Add(new TextNode(Span(token.Start), TrimData(token.Value)));
                    break;
                case NunjucksTemplateTokenKind.Comment:
                    _position = token.End;
                    _dropLeadingWhitespace = token.Value.Length >= 5 && token.Value[^3] == '-';
                    break;
                case NunjucksTemplateTokenKind.VariableStart:
                    _dropLeadingWhitespace = false;
                    _code.BeginCode(token.End);
                    var expression = _code.ParseCodeExpression();
                    var end = _code.NextToken();
                    if (end.Kind == NunjucksTokenKind.EndOfInput)
                    {
                        throw new NunjucksSyntaxException(token.Start, "expected variable end: this `${{` is not closed by `}}`");
                    }

                    if (end.Kind != NunjucksTokenKind.VariableEnd)
                    {
                        throw _code.Fail(end, $"expected variable end, got {NunjucksExpressionParser.DescribeToken(end)}");
                    }

                    _dropLeadingWhitespace = end.Value[0] == '-';
                    _position = _code.CodePosition;
                    nodes.Add(new OutputNode(Span(token.Start), expression));
                    break;
                case NunjucksTemplateTokenKind.BlockStart:
                    _dropLeadingWhitespace = false;
                    _code.BeginCode(token.End);
                    var name = _code.PeekToken();
                    if (name.Kind != NunjucksTokenKind.Symbol)
                    {
                        throw _code.Fail(name, name.Kind == NunjucksTokenKind.EndOfInput
                            ? "tag name expected, got end of file"
                            : $"tag name expected, got {NunjucksExpressionParser.DescribeToken(name)}");
                    }

                    if (Array.IndexOf(breakOn, name.Value) >= 0)
                    {
                        stoppedAt = name;
                        return new NunjucksBody(nodes);
                    }

                    nodes.Add(ParseStatement(token, name));
                    break;
            }
        }
    }

    /// <summary>Whitespace control on text: after a <c>-</c> closing and before a <c>-</c> opening.</summary>
    private string TrimData(string data)
    {
        if (_dropLeadingWhitespace)
        {
            data = TrimStartJs(data);
            _dropLeadingWhitespace = false;
        }

        var next = _scanner.Next(_position) is var token && token.Kind != NunjucksTemplateTokenKind.Data ? token : default;
        var trimBefore = next.Kind switch
        {
            NunjucksTemplateTokenKind.BlockStart => next.Value.EndsWith('-'),
            NunjucksTemplateTokenKind.VariableStart => next.Value.EndsWith('-'),
            NunjucksTemplateTokenKind.Comment => next.Value.Length > 2 && next.Value[2] == '-',
            _ => false,
        };
        return trimBefore ? TrimEndJs(data) : data;
    }

    private NunjucksNode ParseStatement(NunjucksTemplateToken start, NunjucksToken name)
    {
        if (++_depth > _maxDepth)
        {
            throw _code.Fail(name, $"The tags are nested too deeply (more than {_maxDepth} levels)");
        }

        try
        {
            return name.Value switch
            {
                "if" => ParseIf(start),
                "for" => ParseFor(start),
                "set" => ParseSet(start),
                "raw" or "verbatim" => ParseRaw(start, name.Value),
                "filter" => ParseFilter(start),
                "block" => ParseBlock(start),
                "switch" => ParseSwitch(start),
                // Backstage's templater has no loader: these fail there too, with "template not found".
                "extends" or "include" or "import" or "from" =>
                    throw _code.Fail(name, $"the `{name.Value}` tag cannot load other templates: skeleton files are rendered without a template loader"),
                "macro" or "call" or "ifAsync" or "asyncEach" or "asyncAll" =>
                    throw _code.Fail(name, $"the `{name.Value}` tag is not supported"),
                _ => throw _code.Fail(name, $"unknown block tag: {name.Value}"),
            };
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>
    /// Reads the tag name (unless <paramref name="name"/> says it was read) and the tag's end; a
    /// <c>-%}</c> end trims the whitespace at the start of the following text.
    /// </summary>
    private NunjucksToken AdvanceAfterBlockEnd(string? name = null)
    {
        if (name is null)
        {
            var tag = _code.PeekToken();
            if (tag.Kind == NunjucksTokenKind.EndOfInput)
            {
                throw _code.Fail(tag, "unexpected end of file");
            }

            if (tag.Kind != NunjucksTokenKind.Symbol)
            {
                throw _code.Fail(tag, "advanceAfterBlockEnd: expected symbol token or explicit name to be passed");
            }

            name = _code.NextToken().Value;
        }

        var end = _code.NextToken();
        if (end.Kind != NunjucksTokenKind.BlockEnd)
        {
            throw _code.Fail(end, $"expected block end in {name} statement");
        }

        if (end.Value[0] == '-')
        {
            _dropLeadingWhitespace = true;
        }

        _position = AfterBlockEnd(_code.CodePosition);
        return end;
    }

    /// <summary>With <c>trimBlocks</c>, the first newline after a tag is removed (Nunjucks' lexer does it as it reads the tag's end).</summary>
    private TextPosition AfterBlockEnd(TextPosition position)
    {
        if (!_trimBlocks)
        {
            return position;
        }

        var offset = position.Offset;
        if (offset < _text.Length && _text[offset] == '\n')
        {
            return _scanner.Advance(position, offset + 1);
        }

        return offset + 1 < _text.Length && _text[offset] == '\r' && _text[offset + 1] == '\n'
            ? _scanner.Advance(position, offset + 2)
            : position;
    }

    /// <summary>A body ended by one of <paramref name="ends"/>; the end of the text instead is an error naming the open tag.</summary>
    private NunjucksBody ParseUntil(NunjucksTemplateToken open, string tag, string[] ends, out NunjucksToken stoppedAt)
    {
        var body = ParseNodes(ends, out var stop);
        if (stop is null)
        {
            throw new NunjucksSyntaxException(open.Start, $"unexpected end of file: this `{tag}` tag is not closed by {{% {ends[^1]} %}}");
        }

        stoppedAt = stop.Value;
        return body;
    }

    private IfNode ParseIf(NunjucksTemplateToken open)
    {
        var tag = _code.NextToken();
        var condition = _code.ParseCodeExpression();
        AdvanceAfterBlockEnd(tag.Value);
        var then = ParseUntil(open, tag.Value, ["elif", "elseif", "else", "endif"], out var stop);
        NunjucksBody? otherwise = null;
        switch (stop.Value)
        {
            case "elif":
            case "elseif":
                // The elif tag starts where its name is; its block start was already read.
                var elif = ParseIf(new NunjucksTemplateToken(NunjucksTemplateTokenKind.BlockStart, "{%", stop.Start, stop.Start));
                otherwise = new NunjucksBody([elif]);
                break;
            case "else":
                AdvanceAfterBlockEnd();
                otherwise = ParseUntil(open, tag.Value, ["endif"], out _);
                AdvanceAfterBlockEnd();
                break;
            default:
                AdvanceAfterBlockEnd();
                break;
        }

        return new IfNode(Span(open.Start), condition, then, otherwise);
    }

    private ForNode ParseFor(NunjucksTemplateToken open)
    {
        var tag = _code.NextToken();
        var first = _code.ParseCodePrimary();
        if (first is not VariableExpression firstName)
        {
            throw new NunjucksSyntaxException(first.Span.Start, "parseFor: variable name expected for loop");
        }

        var names = new List<string> { firstName.Name };
        var destructures = false;
        while (_code.SkipToken(NunjucksTokenKind.Comma))
        {
            destructures = true;
            var next = _code.ParseCodePrimary();
            if (next is not VariableExpression nextName)
            {
                throw new NunjucksSyntaxException(next.Span.Start, "parseFor: variable name expected for loop");
            }

            names.Add(nextName.Name);
        }

        if (!_code.SkipSymbolToken("in"))
        {
            throw new NunjucksSyntaxException(tag.Start, "parseFor: expected \"in\" keyword for loop");
        }

        var iterable = _code.ParseCodeExpression();
        AdvanceAfterBlockEnd(tag.Value);
        var body = ParseUntil(open, "for", ["else", "endfor"], out var stop);
        NunjucksBody? otherwise = null;
        if (stop.Value == "else")
        {
            _code.NextToken();
            AdvanceAfterBlockEnd("else");
            otherwise = ParseUntil(open, "for", ["endfor"], out _);
        }

        AdvanceAfterBlockEnd();
        return new ForNode(Span(open.Start), names, iterable, body, otherwise) { Destructures = destructures };
    }

    private SetNode ParseSet(NunjucksTemplateToken open)
    {
        var tag = _code.NextToken();
        var targets = new List<string>();
        while (true)
        {
            var target = _code.ParseCodePrimary();
            if (target is not VariableExpression variable)
            {
                throw new NunjucksSyntaxException(target.Span.Start, "parseSet: expected a variable name to set");
            }

            targets.Add(variable.Name);
            if (!_code.SkipToken(NunjucksTokenKind.Comma))
            {
                break;
            }
        }

        if (_code.SkipOperatorToken("="))
        {
            var value = _code.ParseCodeExpression();
            AdvanceAfterBlockEnd(tag.Value);
            return new SetNode(Span(open.Start), targets, value, null);
        }

        // Nunjucks reads the block form's end without its whitespace control.
        if (!_code.SkipToken(NunjucksTokenKind.BlockEnd))
        {
            throw new NunjucksSyntaxException(tag.Start, "parseSet: expected = or block end in set tag");
        }

        _position = AfterBlockEnd(_code.CodePosition);
        var body = ParseUntil(open, "set", ["endset"], out _);
        AdvanceAfterBlockEnd();
        return new SetNode(Span(open.Start), targets, null, body);
    }

    /// <summary>
    /// <c>{% block name %}...{% endblock %}</c>: without template inheritance (no loader), a block
    /// renders its body where it stands, as Nunjucks does for a template that extends nothing.
    /// </summary>
    private BlockNode ParseBlock(NunjucksTemplateToken open)
    {
        var tag = _code.NextToken();
        var name = _code.ParseCodePrimary();
        if (name is not VariableExpression blockName)
        {
            throw new NunjucksSyntaxException(tag.Start, "parseBlock: variable name expected");
        }

        if (!_blockNames.Add(blockName.Name))
        {
            throw new NunjucksSyntaxException(tag.Start, $"Block \"{blockName.Name}\" defined more than once.");
        }

        AdvanceAfterBlockEnd(tag.Value);
        var body = ParseUntil(open, "block", ["endblock"], out _);
        _code.NextToken();
        _code.SkipSymbolToken(blockName.Name);
        AdvanceAfterBlockEnd("endblock");
        return new BlockNode(Span(open.Start), blockName.Name, body);
    }

    /// <summary>
    /// <c>{% switch x %}{% case a %}...{% case b %}...{% default %}...{% endswitch %}</c>, read as Nunjucks
    /// reads it: text before the first case is dropped, and a case with an empty body falls through.
    /// </summary>
    private SwitchNode ParseSwitch(NunjucksTemplateToken open)
    {
        var tag = _code.NextToken();
        var value = _code.ParseCodeExpression();
        AdvanceAfterBlockEnd(tag.Value);
        ParseUntil(open, "switch", ["case", "default", "endswitch"], out var next);
        var cases = new List<(Expression Condition, NunjucksBody Body)>();
        do
        {
            _code.SkipSymbolToken("case");
            var condition = _code.ParseCodeExpression();
            AdvanceAfterBlockEnd("switch");
            var body = ParseUntil(open, "switch", ["case", "default", "endswitch"], out next);
            cases.Add((condition, body));
        }
        while (next.Value == "case");

        NunjucksBody? fallback = null;
        if (next.Value == "default")
        {
            AdvanceAfterBlockEnd();
            fallback = ParseUntil(open, "switch", ["endswitch"], out _);
        }

        AdvanceAfterBlockEnd();
        return new SwitchNode(Span(open.Start), value, cases, fallback);
    }

    private FilterBlockNode ParseFilter(NunjucksTemplateToken open)
    {
        var tag = _code.NextToken();
        var captured = new VariableExpression(FilterBlockNode.CapturedName, isLocal: false) { Span = Span(tag.Start) };
        var call = _code.ParseFilterTag(captured);
        AdvanceAfterBlockEnd(tag.Value);
        var body = ParseUntil(open, "filter", ["endfilter"], out _);
        AdvanceAfterBlockEnd();
        return new FilterBlockNode(Span(open.Start), call, body);
    }

    /// <summary>
    /// <c>{% raw %}</c> as Nunjucks reads it: the text is searched for <c>{% raw %}</c> and
    /// <c>{% endraw %}</c> tags written without whitespace control, counting nesting; the text before
    /// the matching end is output as it is.
    /// </summary>
    private TextNode ParseRaw(NunjucksTemplateToken open, string tagName)
    {
        AdvanceAfterBlockEnd();
        var pattern = tagName == "raw" ? RawTags() : VerbatimTags();
        var level = 1;
        var text = new StringBuilder();
        var offset = _position.Offset;
        while (true)
        {
            var match = pattern.Match(_text, offset);
            if (!match.Success)
            {
                break;
            }

            offset += match.Length;
            if (level <= 0)
            {
                // Nunjucks' loop takes the closing tag again before it sees the level has dropped.
                break;
            }

            var before = match.Groups[1].Value;
            level += match.Groups[2].Value == tagName ? 1 : -1;
            if (level == 0)
            {
                text.Append(before);
                offset -= match.Length - before.Length;
            }
            else
            {
                text.Append(match.Value);
            }
        }

        _position = _scanner.Advance(_position, offset);
        return new TextNode(Span(open.Start), text.ToString());
    }

    private const string JsWhitespace = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

    private static string TrimStartJs(string text) => text.TrimStart(JsWhitespace.ToCharArray());

    private static string TrimEndJs(string text) => text.TrimEnd(JsWhitespace.ToCharArray());

    [GeneratedRegex(@"\G([\s\S]*?)\{%[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*(raw|endraw)[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*(?=%\})%\}", RegexOptions.CultureInvariant)]
    private static partial Regex RawTags();

    [GeneratedRegex(@"\G([\s\S]*?)\{%[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*(verbatim|endverbatim)[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*(?=%\})%\}", RegexOptions.CultureInvariant)]
    private static partial Regex VerbatimTags();
}
