using System.Globalization;
using System.Runtime.CompilerServices;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Parsing.Nunjucks;

/// <summary>A syntax error; parsing stops at the first one, as Nunjucks' does.</summary>
internal sealed class NunjucksSyntaxException(TextPosition position, string message) : Exception(message)
{
    public TextPosition Position { get; } = position;
}

/// <summary>
/// Nunjucks expressions, parsed with Nunjucks' precedence (inline <c>if</c>, <c>or</c>, <c>and</c>,
/// <c>not</c>, <c>in</c>, <c>is</c>, comparisons, <c>~</c>, <c>+</c>, <c>-</c>, <c>*</c>, <c>/</c>,
/// <c>//</c>, <c>%</c>, <c>**</c>, unary signs, filters, postfix lookups and calls) into the shared
/// syntax tree. Filters become calls of <c>filter:name</c> and tests calls of <c>test:name</c>, names a
/// template cannot write, which the dialect registers as globals.
/// </summary>
internal sealed partial class NunjucksExpressionParser
{
    public const string FilterPrefix = "filter:";
    public const string TestPrefix = "test:";

    private readonly string _text;
    private readonly string _name;
    private readonly int _maxDepth;
    private readonly Func<string, bool> _isFilter;
    private readonly Func<string, bool> _isTest;
    private readonly List<NunjucksToken> _buffer = [];
    private readonly Dictionary<Expression, int> _heights = new(ReferenceEqualityComparer.Instance);
    private NunjucksLexer _lexer = null!;
    private bool _lexerDone;
    private int _depth;

    public NunjucksExpressionParser(string text, string name, int maxDepth, Func<string, bool> isFilter, Func<string, bool> isTest)
    {
        _text = text;
        _name = name;
        _maxDepth = maxDepth;
        _isFilter = isFilter;
        _isTest = isTest;
    }

    /// <summary>
    /// Parses one expression starting at <paramref name="start"/>. With <paramref name="delimited"/> it
    /// must end with <c>}}</c> (or <c>-}}</c>); <paramref name="end"/> then receives the offset after
    /// it and <paramref name="trimAfter"/> whether it was <c>-}}</c>.
    /// </summary>
    public Expression ParseExpression(TextPosition start, bool delimited, out TextPosition end, out bool trimAfter)
    {
        _lexer = new NunjucksLexer(_text, start, _text.Length);
        _lexerDone = false;
        _buffer.Clear();
        _heights.Clear();
        _depth = 0;

        var expression = ParseInlineIf();
        var last = Next();
        if (delimited)
        {
            if (last.Kind != NunjucksTokenKind.VariableEnd)
            {
                throw Error(last, last.Kind == NunjucksTokenKind.EndOfInput ? "expected variable end" : $"expected variable end, got {Describe(last)}");
            }
        }
        else if (last.Kind != NunjucksTokenKind.EndOfInput)
        {
            throw Error(last, $"unexpected token: {Describe(last)}");
        }

        trimAfter = last.Value == "-}}";
        end = _lexer.Position;
        return expression;
    }

    // ---------------------------------------------------------------- tokens

    private NunjucksToken Peek(int ahead = 0)
    {
        while (_buffer.Count <= ahead)
        {
            if (_lexerDone)
            {
                var position = _buffer.Count > 0 ? _buffer[^1].End : _lexer.Position;
                _buffer.Add(new NunjucksToken(NunjucksTokenKind.EndOfInput, string.Empty, position, position));
                continue;
            }

            var token = _lexer.Next();
            // Nothing past the closing delimiter belongs to this expression.
            _lexerDone = token.Kind is NunjucksTokenKind.VariableEnd or NunjucksTokenKind.BlockEnd or NunjucksTokenKind.EndOfInput;
            _buffer.Add(token);
        }

        return _buffer[ahead];
    }

    private NunjucksToken Next()
    {
        var token = Peek();
        _buffer.RemoveAt(0);
        return token;
    }

    private bool SkipSymbol(string value)
    {
        var token = Peek();
        if (token.Kind == NunjucksTokenKind.Symbol && token.Value == value)
        {
            Next();
            return true;
        }

        return false;
    }

    private bool SkipOperator(string value)
    {
        var token = Peek();
        if (token.Kind == NunjucksTokenKind.Operator && token.Value == value)
        {
            Next();
            return true;
        }

        return false;
    }

    private bool Skip(NunjucksTokenKind kind)
    {
        if (Peek().Kind == kind)
        {
            Next();
            return true;
        }

        return false;
    }

    private NunjucksSyntaxException Error(NunjucksToken token, string message) => new(token.Start, message);

    private static string Describe(NunjucksToken token) => token.Kind switch
    {
        NunjucksTokenKind.EndOfInput => "end of file",
        NunjucksTokenKind.String => $"\"{token.Value}\"",
        _ => token.Value,
    };

    // ---------------------------------------------------------------- tree building

    private SourceSpan Span(TextPosition start, TextPosition end) => new(_name, start, end);

    /// <summary>Registers a node with its children's height, refusing trees too deep to evaluate safely.</summary>
    private T Track<T>(T node, TextPosition start, params Expression?[] children)
        where T : Expression
    {
        var height = 0;
        var end = start;
        foreach (var child in children)
        {
            if (child is null)
            {
                continue;
            }

            height = Math.Max(height, _heights.GetValueOrDefault(child));
            if (child.Span.End.Offset > end.Offset)
            {
                end = child.Span.End;
            }
        }

        height++;
        if (height > _maxDepth)
        {
            throw new NunjucksSyntaxException(start, $"The expression is nested too deeply (more than {_maxDepth} levels)");
        }

        _heights[node] = height;
        node.Span = Span(start, end);
        return node;
    }

    private void Enter(NunjucksToken token)
    {
        if (++_depth > _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Error(token, $"The expression is nested too deeply (more than {_maxDepth} levels)");
        }
    }

    private void Exit() => _depth--;

    private BinaryExpression MakeBinary(Expression left, BinaryOperator op, NunjucksToken opToken, Expression right)
    {
        var node = new BinaryExpression(left, op, Span(opToken.Start, opToken.End)) { Right = right };
        return Track(node, left.Span.Start, left, right);
    }

    private UnaryExpression MakeUnary(UnaryOperator op, NunjucksToken opToken, Expression operand) =>
        Track(new UnaryExpression(op) { Operand = operand }, opToken.Start, operand);

    // ---------------------------------------------------------------- grammar

    private Expression ParseInlineIf()
    {
        Enter(Peek());
        try
        {
            var body = AsJavaScript(ParseOr());
            var ifToken = Peek();
            if (!SkipSymbol("if"))
            {
                return body;
            }

            var condition = AsJavaScript(ParseOr());
            Expression otherwise;
            if (SkipSymbol("else"))
            {
                otherwise = AsJavaScript(ParseOr());
            }
            else
            {
                // Nunjucks compiles a missing else to "".
                otherwise = Track(new LiteralExpression(string.Empty), ifToken.End);
            }

            var node = new ConditionalExpression(condition) { Then = body, Otherwise = otherwise };
            return Track(node, body.Span.Start, condition, body, otherwise);
        }
        finally
        {
            Exit();
        }
    }

    private Expression ParseOr()
    {
        var node = ParseAnd();
        while (Peek() is { Kind: NunjucksTokenKind.Symbol, Value: "or" } token)
        {
            Next();
            node = MakeBinary(node, BinaryOperator.Or, token, ParseAnd());
        }

        return node;
    }

    private Expression ParseAnd()
    {
        var node = ParseNot();
        while (Peek() is { Kind: NunjucksTokenKind.Symbol, Value: "and" } token)
        {
            Next();
            node = MakeBinary(node, BinaryOperator.And, token, ParseNot());
        }

        return node;
    }

    private Expression ParseNot()
    {
        var token = Peek();
        if (!SkipSymbol("not"))
        {
            return ParseIn();
        }

        Enter(token);
        try
        {
            return MakeUnary(UnaryOperator.Not, token, ParseNot());
        }
        finally
        {
            Exit();
        }
    }

    private Expression ParseIn()
    {
        var node = ParseIs();
        while (true)
        {
            var token = Peek();
            var invert = token is { Kind: NunjucksTokenKind.Symbol, Value: "not" };
            var inToken = invert ? Peek(1) : token;
            if (inToken is not { Kind: NunjucksTokenKind.Symbol, Value: "in" })
            {
                return node;
            }

            if (invert)
            {
                Next();
            }

            Next();
            node = MakeBinary(AsJavaScript(node), BinaryOperator.In, inToken, AsJavaScript(ParseIs()));
            if (invert)
            {
                node = MakeUnary(UnaryOperator.Not, token, node);
            }
        }
    }

    private Expression ParseIs()
    {
        var node = ParseCompare();
        var isToken = Peek();
        if (!SkipSymbol("is"))
        {
            return node;
        }

        var notToken = Peek();
        var invert = SkipSymbol("not");
        var nameToken = Next();
        string testName;
        switch (nameToken.Kind)
        {
            case NunjucksTokenKind.Symbol:
            case NunjucksTokenKind.None:
                testName = nameToken.Value;
                break;
            default:
                throw Error(nameToken, $"expected test name after `is`, got {Describe(nameToken)}");
        }

        if (!_isTest(testName))
        {
            throw Error(nameToken, $"test not found: {testName}");
        }

        var call = new FunctionCallExpression(Track(new VariableExpression(TestPrefix + testName, isLocal: false), nameToken.Start))
        {
            ExplicitCall = true,
            IsClosed = true,
        };
        call.Arguments.Add(AsJavaScript(node));
        if (Peek().Kind == NunjucksTokenKind.LeftParen)
        {
            ParseArguments(call.Arguments);
        }

        Expression result = Track(call, isToken.Start, [.. call.Arguments]);
        if (invert)
        {
            result = MakeUnary(UnaryOperator.Not, notToken, result);
        }

        return result;
    }

    private Expression ParseCompare()
    {
        var node = ParseConcat();
        while (true)
        {
            var token = Peek();
            var op = token.Kind != NunjucksTokenKind.Operator ? BinaryOperator.None : token.Value switch
            {
                "==" => BinaryOperator.CompareEqual,
                "===" => BinaryOperator.StrictEqual,
                "!=" => BinaryOperator.CompareNotEqual,
                "!==" => BinaryOperator.StrictNotEqual,
                "<" => BinaryOperator.CompareLess,
                ">" => BinaryOperator.CompareGreater,
                "<=" => BinaryOperator.CompareLessOrEqual,
                ">=" => BinaryOperator.CompareGreaterOrEqual,
                _ => BinaryOperator.None,
            };
            if (op == BinaryOperator.None)
            {
                return node;
            }

            Next();

            // Nunjucks emits `a < b < c` as JavaScript, which reads it left to right.
            node = MakeBinary(node, op, token, ParseConcat());
        }
    }

    private Expression ParseConcat()
    {
        var node = ParseArithmetic(0);
        while (Peek() is { Kind: NunjucksTokenKind.Tilde } token)
        {
            Next();
            node = MakeBinary(node, BinaryOperator.Concat, token, ParseArithmetic(0));
        }

        return node;
    }

    /// <summary>Nunjucks gives each arithmetic operator its own level: + then - then * then / then // then % then **.</summary>
    private static readonly (string Text, BinaryOperator Operator)[] ArithmeticLevels =
    [
        ("+", BinaryOperator.Add),
        ("-", BinaryOperator.Subtract),
        ("*", BinaryOperator.Multiply),
        ("/", BinaryOperator.Divide),
        ("//", BinaryOperator.FloorDivide),
        ("%", BinaryOperator.Modulus),
        ("**", BinaryOperator.Power),
    ];

    private Expression ParseArithmetic(int level)
    {
        if (level == ArithmeticLevels.Length)
        {
            return ParseUnary(allowFilters: true);
        }

        var (text, op) = ArithmeticLevels[level];
        var node = ParseArithmetic(level + 1);
        while (Peek() is { Kind: NunjucksTokenKind.Operator } token && token.Value == text)
        {
            Next();
            var right = ParseArithmetic(level + 1);

            // `//` and `**` are emitted as Math.floor(a / b) and Math.pow(a, b): their operands are closed.
            node = op is BinaryOperator.FloorDivide or BinaryOperator.Power
                ? MakeBinary(AsJavaScript(node), op, token, AsJavaScript(right))
                : MakeBinary(node, op, token, right);
        }

        return node;
    }

    private Expression ParseUnary(bool allowFilters)
    {
        var token = Peek();
        Expression node;
        if (token.Kind == NunjucksTokenKind.Operator && token.Value is "-" or "+")
        {
            Next();
            Enter(token);
            try
            {
                node = MakeUnary(token.Value == "-" ? UnaryOperator.Negate : UnaryOperator.Plus, token, ParseUnary(allowFilters: false));
            }
            finally
            {
                Exit();
            }
        }
        else
        {
            node = ParsePrimary();
        }

        return allowFilters ? ParseFilters(node) : node;
    }

    private Expression ParseFilters(Expression node)
    {
        while (Skip(NunjucksTokenKind.Pipe))
        {
            node = ParseFilterCall(node);
        }

        return node;
    }

    /// <summary>A filter name (dotted parts allowed) and its optional arguments, applied to <paramref name="input"/>.</summary>
    private Expression ParseFilterCall(Expression input)
    {
        var nameToken = Next();
        if (nameToken.Kind != NunjucksTokenKind.Symbol)
        {
            throw Error(nameToken, $"expected filter name, got {Describe(nameToken)}");
        }

        var name = nameToken.Value;
        while (Peek() is { Kind: NunjucksTokenKind.Operator, Value: "." })
        {
            Next();
            var part = Next();
            if (part.Kind != NunjucksTokenKind.Symbol)
            {
                throw Error(part, $"expected filter name, got {Describe(part)}");
            }

            name += "." + part.Value;
        }

        if (!_isFilter(name))
        {
            throw Error(nameToken, $"filter not found: {name}");
        }

        var call = new FunctionCallExpression(Track(new VariableExpression(FilterPrefix + name, isLocal: false), nameToken.Start))
        {
            ExplicitCall = true,
            IsClosed = true,
        };
        call.Arguments.Add(AsJavaScript(input));
        if (Peek().Kind == NunjucksTokenKind.LeftParen)
        {
            ParseArguments(call.Arguments, Builtins.Nunjucks.NunjucksFilters.NamedParameters.GetValueOrDefault(name));
        }

        var node = Track(call, input.Span.Start, [.. call.Arguments]);
        node.Span = Span(nameToken.Start, node.Span.End);
        return node;
    }

    /// <summary>
    /// A parenthesised, comma-separated argument list. Keyword arguments (<c>attribute='name'</c>)
    /// are accepted for the filters Nunjucks defines with named parameters (<paramref name="parameters"/>,
    /// the filtered value first) and placed at their parameter's position.
    /// </summary>
    private void ParseArguments(List<Expression> arguments, IReadOnlyList<string>? parameters = null)
    {
        var open = Next();
        Enter(open);
        try
        {
            var keywords = new Dictionary<string, Expression>(StringComparer.Ordinal);
            var first = true;
            while (!Skip(NunjucksTokenKind.RightParen))
            {
                if (!first && !Skip(NunjucksTokenKind.Comma))
                {
                    var token = Peek();
                    throw Error(token, token.Kind is NunjucksTokenKind.EndOfInput or NunjucksTokenKind.VariableEnd or NunjucksTokenKind.BlockEnd
                        ? "expected `)` to close the argument list"
                        : $"expected comma after expression, got {Describe(token)}");
                }

                first = false;
                var argument = ParseInlineIf();
                if (Peek() is { Kind: NunjucksTokenKind.Operator, Value: "=" } keyword)
                {
                    if (parameters is null || argument is not VariableExpression name)
                    {
                        throw Error(keyword, "keyword arguments are only supported by the filters that name their parameters (sort, int)");
                    }

                    Next();
                    keywords[name.Name] = ParseInlineIf();
                    continue;
                }

                if (keywords.Count > 0)
                {
                    throw Error(open, "positional arguments cannot follow keyword arguments");
                }

                arguments.Add(argument);
            }

            if (keywords.Count > 0)
            {
                for (var i = arguments.Count; i < parameters!.Count; i++)
                {
                    arguments.Add(keywords.TryGetValue(parameters[i], out var value)
                        ? value
                        : Track(new LiteralExpression(null), open.Start));
                }
            }
        }
        finally
        {
            Exit();
        }
    }

    private Expression ParsePrimary()
    {
        var token = Next();
        Expression node;
        switch (token.Kind)
        {
            case NunjucksTokenKind.String:
                node = new LiteralExpression(token.Value) { Quote = '\'' };
                break;
            case NunjucksTokenKind.Int:
                node = new LiteralExpression(double.Parse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture));
                break;
            case NunjucksTokenKind.Float:
                node = new LiteralExpression(double.Parse(token.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
                break;
            case NunjucksTokenKind.Boolean:
                node = new LiteralExpression(token.Value == "true" ? Runtime.Box.True : Runtime.Box.False);
                break;
            case NunjucksTokenKind.None:
                node = new LiteralExpression(Runtime.JavaScript.JsNull.Value);
                break;
            case NunjucksTokenKind.Symbol:
                node = new VariableExpression(token.Value, isLocal: false);
                break;
            case NunjucksTokenKind.Regex:
                throw Error(token, "regular expression literals are not supported");
            case NunjucksTokenKind.LeftParen:
            case NunjucksTokenKind.LeftBracket:
            case NunjucksTokenKind.LeftCurly:
                return ParsePostfix(ParseAggregate(token));
            case NunjucksTokenKind.EndOfInput:
                throw Error(token, "expected expression, got end of file");
            default:
                throw Error(token, $"unexpected token: {Describe(token)}");
        }

        return ParsePostfix(Track(node, token.Start));
    }

    private Expression ParseAggregate(NunjucksToken open)
    {
        Enter(open);
        try
        {
            var items = new List<Expression>();
            var keys = new List<string>();
            var first = true;
            while (true)
            {
                var token = Peek();
                if (token.Kind is NunjucksTokenKind.RightParen or NunjucksTokenKind.RightBracket or NunjucksTokenKind.RightCurly)
                {
                    Next();
                    break;
                }

                if (token.Kind is NunjucksTokenKind.EndOfInput or NunjucksTokenKind.VariableEnd or NunjucksTokenKind.BlockEnd)
                {
                    throw Error(token, $"expected `{Closing(open)}`, got {Describe(token)}");
                }

                if (!first && !Skip(NunjucksTokenKind.Comma))
                {
                    throw Error(token, "expected comma after expression");
                }

                first = false;
                if (open.Kind == NunjucksTokenKind.LeftCurly)
                {
                    var keyToken = Next();
                    keys.Add(keyToken.Kind switch
                    {
                        NunjucksTokenKind.String or NunjucksTokenKind.Symbol => keyToken.Value,
                        _ => throw Error(keyToken, "Dict keys must be strings or names"),
                    });
                    if (!Skip(NunjucksTokenKind.Colon))
                    {
                        throw Error(Peek(), "expected colon after dict key");
                    }
                }

                items.Add(ParseInlineIf());
            }

            switch (open.Kind)
            {
                case NunjucksTokenKind.LeftBracket:
                    var array = new ArrayInitializerExpression();
                    array.Items.AddRange(items);
                    return Track(array, open.Start, [.. items]);
                case NunjucksTokenKind.LeftCurly:
                    var obj = new ObjectInitializerExpression { ScopedMembers = false };
                    for (var i = 0; i < items.Count; i++)
                    {
                        obj.Members.Add(new ObjectMember(keys[i], new LiteralExpression(keys[i]), items[i]));
                    }

                    return Track(obj, open.Start, [.. items]);
                default:
                    if (items.Count == 0)
                    {
                        throw Error(open, "expected expression inside parentheses");
                    }

                    // A parenthesised list is JavaScript's comma operator: the last value.
                    var nested = new NestedExpression { Inner = items[^1] };
                    return Track(nested, open.Start, items[^1]);
            }
        }
        finally
        {
            Exit();
        }
    }

    private static string Closing(NunjucksToken open) => open.Kind switch
    {
        NunjucksTokenKind.LeftParen => ")",
        NunjucksTokenKind.LeftBracket => "]",
        _ => "}",
    };

    private Expression ParsePostfix(Expression node)
    {
        while (true)
        {
            var token = Peek();
            switch (token.Kind)
            {
                case NunjucksTokenKind.LeftParen:
                    var call = new FunctionCallExpression(node) { ExplicitCall = true, IsClosed = true };
                    ParseArguments(call.Arguments);
                    node = Track(call, node.Span.Start, [node, .. call.Arguments]);
                    break;
                case NunjucksTokenKind.LeftBracket:
                    Next();
                    Enter(token);
                    try
                    {
                        var index = ParseInlineIf();
                        if (!Skip(NunjucksTokenKind.RightBracket))
                        {
                            throw Error(Peek(), Peek().Kind == NunjucksTokenKind.Comma ? "invalid index" : "expected `]`");
                        }

                        node = Track(new IndexerExpression(node, index), node.Span.Start, node, index);
                    }
                    finally
                    {
                        Exit();
                    }

                    break;
                case NunjucksTokenKind.Operator when token.Value == ".":
                    Next();
                    var member = Next();
                    if (member.Kind != NunjucksTokenKind.Symbol)
                    {
                        throw Error(member, $"expected name as lookup value, got {Describe(member)}");
                    }

                    var memberName = Track(new VariableExpression(member.Value, isLocal: false), member.Start);
                    node = Track(new MemberExpression(node, memberName, nullConditional: false), node.Span.Start, node, memberName);
                    break;
                default:
                    return node;
            }
        }
    }
}
