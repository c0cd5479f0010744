using System.Runtime.CompilerServices;
using System.Text;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Parsing;

/// <summary>
/// Recursive-descent parser for the Scriban language. It follows Scriban's own parsing algorithm
/// closely, including its error recovery, so that templates produce the same syntax errors
/// (same messages, same positions, same order) as the reference implementation.
/// </summary>
internal sealed partial class ScribanParser
{
    private readonly ScribanLexer _lexer;
    private readonly string _text;
    private readonly string _sourceName;
    private readonly int _depthLimit;
    private readonly List<Token> _preview = new(4);
    private readonly List<TemplateMessage> _messages = [];
    private readonly Stack<Node> _blocks = new();
    private readonly Stack<char> _interpolationQuotes = new();

    private int _previewStart;
    private Token _previous;
    private Token _current;
    private bool _inCodeSection;
    private int _blockLevel;
    private int _expressionDepth;
    private bool _depthLimitReported;
    private bool _hasFatalError;
    private int _allowNewLineLevel;
    private int _expressionLevel;
    private BlockStatement? _currentBlock;

    public ScribanParser(string text, string sourceName, int depthLimit, bool scriptOnly = false)
    {
        _text = text;
        _sourceName = sourceName;
        _depthLimit = depthLimit;
        _inCodeSection = scriptOnly;
        _lexer = new ScribanLexer(text, sourceName, scriptOnly);
        NextToken();
    }

    public IReadOnlyList<TemplateMessage> Messages => _messages;

    public bool HasErrors => _messages.Count > 0;

    private Token Current => _current;

    private Token Previous => _previous;

    private SourceSpan CurrentSpan => SpanOf(Current);

    /// <summary>Parses the whole template; messages collect every error found.</summary>
    public BlockStatement Parse()
    {
        var page = new SyntaxLabel("ScriptPage", "...");
        var body = new BlockStatement();
        try
        {
            body = ParseBlockStatement(page);
        }
        catch (FatalParseException)
        {
            // Parsing stopped early; the messages explain why.
        }

        foreach (var error in _lexer.Errors)
        {
            _messages.Add(error);
        }

        return body;
    }

    private sealed class FatalParseException : Exception
    {
    }

    private SourceSpan SpanOf(Token token) => new(_sourceName, token.Start, token.End);

    private T Open<T>(T node)
        where T : Node
    {
        node.Span = new SourceSpan(_sourceName, Current.Start, Current.Start);
        return node;
    }

    private T Close<T>(T node)
        where T : Node
    {
        node.Span = node.Span with { End = Previous.End };
        return node;
    }

    private T StartAt<T>(T node, Node from)
        where T : Node
    {
        node.Span = new SourceSpan(_sourceName, from.Span.Start, node.Span.End);
        return node;
    }

    private string GetText(Token token) => token.GetText(_text);

    /// <summary>Token text with control characters escaped, as shown in messages.</summary>
    private string GetTextForLog(Token token)
    {
        var text = GetText(token);
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\v' => builder.Append("\\v"),
                '\f' => builder.Append("\\f"),
                '\b' => builder.Append("\\b"),
                '\a' => builder.Append("\\a"),
                '\0' => builder.Append("\\0"),
                _ when char.IsControl(c) => builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private bool IsHidden(TokenType type) =>
        type is TokenType.Comment or TokenType.CommentMulti or TokenType.Whitespace or TokenType.WhitespaceFull
        || (type == TokenType.NewLine && _allowNewLineLevel > 0);

    private void NextToken()
    {
        _previous = _current;
        while (_previewStart < _preview.Count)
        {
            _current = _preview[_previewStart];
            _previewStart++;
            if (_previewStart == _preview.Count)
            {
                _previewStart = 0;
                _preview.Clear();
            }

            if (!IsHidden(_current.Type))
            {
                return;
            }
        }

        bool moved;
        while ((moved = _lexer.MoveNext()) && IsHidden(_lexer.Current.Type))
        {
        }

        _current = moved ? _lexer.Current : Token.EndOfFile;
    }

    private Token PeekToken()
    {
        for (var i = _previewStart; i < _preview.Count; i++)
        {
            if (!IsHidden(_preview[i].Type))
            {
                return _preview[i];
            }
        }

        while (_lexer.MoveNext())
        {
            var next = _lexer.Current;
            _preview.Add(next);
            if (!IsHidden(next.Type))
            {
                return next;
            }
        }

        return Token.EndOfFile;
    }

    private void LogError(string message, bool fatal = false) => LogError(CurrentSpan, message, fatal);

    private void LogError(Token token, string message, bool fatal = false) => LogError(SpanOf(token), message, fatal);

    private void LogError(SourceSpan span, string message, bool fatal = false)
    {
        _messages.Add(new TemplateMessage(span, message));
        if (fatal)
        {
            _hasFatalError = true;
        }
    }

    private void LogError(Node node, string message, bool fatal = false) => LogError(node, node.Span, message, fatal);

    private void LogError(Node node, SourceSpan span, string message, bool fatal = false)
    {
        var inWord = message.EndsWith("after", StringComparison.Ordinal) ? string.Empty : " in";
        LogError(span, $"Error while parsing {node.SyntaxName}: {message}{inWord}: {node.SyntaxExample}", fatal);
    }

    private void EnterExpression()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            LogError(SpanOf(Previous), "The parser recursive depth limit was reached near a stack overflow", fatal: true);
            throw new FatalParseException();
        }

        _expressionDepth++;
        if (_depthLimit > 0 && _expressionDepth > _depthLimit)
        {
            if (!_depthLimitReported)
            {
                LogError(SpanOf(Previous), $"The statement depth limit `{_depthLimit}` was reached when parsing this statement", fatal: true);
                _depthLimitReported = true;
            }

            throw new FatalParseException();
        }
    }

    private void LeaveExpression() => _expressionDepth--;

    private void ExpectToken(TokenType expected)
    {
        if (Current.Type != expected)
        {
            LogError(CurrentSpan, $"Unexpected token found `{GetTextForLog(Current)}` while expecting `{expected.ToText()}`.");
        }

        NextToken();
    }

    private void ExpectKeyword(string keyword)
    {
        if (!Current.Matches(keyword, _text))
        {
            LogError(CurrentSpan, $"Unexpected keyword found `{GetTextForLog(Current)}` while expecting `{keyword}`.");
        }

        NextToken();
    }

    private bool ExpectEndOfStatement()
    {
        if (Current.Type is TokenType.NewLine or TokenType.CodeExit or TokenType.SemiColon or TokenType.Eof)
        {
            if (Current.Type is TokenType.NewLine or TokenType.SemiColon)
            {
                NextToken();
            }

            return true;
        }

        LogError(CurrentSpan, $"Invalid token found `{GetTextForLog(Current)}`. Expecting <EOL>/end of line.", fatal: true);
        return false;
    }

    private bool IsPreviousCharWhitespace()
    {
        var position = Current.Start.Offset - 1;
        return position >= 0 && position < _text.Length && char.IsWhiteSpace(_text[position]);
    }

    /// <summary>A node used only to name a construct in parser messages.</summary>
    private sealed class SyntaxLabel : Node
    {
        private readonly string _name;
        private readonly string _example;

        public SyntaxLabel(string name, string example)
        {
            _name = name;
            _example = example;
        }

        public override string SyntaxName => _name;

        public override string SyntaxExample => _example;
    }
}
