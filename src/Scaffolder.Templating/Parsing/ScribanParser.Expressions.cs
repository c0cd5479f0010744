using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Parsing;

internal sealed partial class ScribanParser
{
    private enum ExpressionMode
    {
        Default,
        DefaultNoNamedArgument,
        Basic,
        When,
    }

    private Expression? ExpectAndParseExpression(
        Node parent,
        Expression? parentExpression = null,
        int precedence = 0,
        string? message = null,
        ExpressionMode mode = ExpressionMode.Default,
        bool allowAssignment = true)
    {
        if (IsStartOfExpression())
        {
            return ParseExpression(parent, parentExpression, precedence, mode, allowAssignment);
        }

        LogError(parent, CurrentSpan, message ?? $"Expecting <expression> instead of `{GetTextForLog(Current)}`");
        return null;
    }

    private bool IsStartOfExpression() =>
        IsStartingAsUnaryExpression() || Current.Type is TokenType.Identifier or TokenType.IdentifierSpecial
            or TokenType.Integer or TokenType.HexaInteger or TokenType.BinaryInteger or TokenType.Float
            or TokenType.String or TokenType.BeginInterpolatedString or TokenType.ContinuationInterpolatedString
            or TokenType.EndingInterpolatedString or TokenType.InterpolatedString or TokenType.VerbatimString
            or TokenType.OpenParen or TokenType.OpenBrace or TokenType.OpenBracket;

    private bool IsStartingAsUnaryExpression() =>
        Current.Type is TokenType.Exclamation or TokenType.Minus or TokenType.Plus or TokenType.Arroba
            or TokenType.DoublePlus or TokenType.DoubleMinus or TokenType.Caret;

    private bool IsCurrentPipe() => Current.Type is TokenType.VerticalBar or TokenType.PipeGreater;

    private Expression? ParseExpression(
        Node parent,
        Expression? parentExpression = null,
        int precedence = 0,
        ExpressionMode mode = ExpressionMode.Default,
        bool allowAssignment = true)
    {
        var hasAnonymousFunction = false;
        var expressionCount = 0;
        _expressionLevel++;
        var depthBefore = _expressionDepth;
        var originalMode = mode;
        if (mode == ExpressionMode.When)
        {
            mode = ExpressionMode.Default;
        }

        EnterExpression();
        try
        {
            FunctionCallExpression? functionCall = null;
            while (true)
            {
                // Each pass parses one operand: the whole expression, or the next argument of a call.
                expressionCount++;
                var leftClosed = false;
                Expression? left;
                switch (Current.Type)
                {
                    case TokenType.Identifier:
                    case TokenType.IdentifierSpecial:
                        left = ParseVariable();
                        if (left is VariableExpression { IsLocal: true, Name: "$" })
                        {
                            if (expressionCount != 1 || _expressionLevel > 1)
                            {
                                LogError("Cannot use block delegate $$ in a nested expression");
                            }

                            if (parent is not ExpressionStatement)
                            {
                                LogError(parent, "Cannot use block delegate $$ outside an expression statement");
                            }

                            return left;
                        }

                        break;
                    case TokenType.Integer:
                        left = ParseInteger();
                        break;
                    case TokenType.HexaInteger:
                        left = ParseHexaInteger();
                        break;
                    case TokenType.BinaryInteger:
                        left = ParseBinaryInteger();
                        break;
                    case TokenType.Float:
                        left = ParseFloat();
                        break;
                    case TokenType.String:
                        left = ParseString();
                        break;
                    case TokenType.BeginInterpolatedString:
                    case TokenType.InterpolatedString:
                        left = ParseInterpolatedString();
                        break;
                    case TokenType.ContinuationInterpolatedString:
                        left = ParseInterpolatedStringPart();
                        break;
                    case TokenType.VerbatimString:
                        left = ParseVerbatimString();
                        break;
                    case TokenType.OpenParen:
                        left = ParseParenthesis();
                        break;
                    case TokenType.OpenBrace:
                        left = ParseObjectInitializer();
                        break;
                    case TokenType.OpenInterpolatedBrace:
                        left = ParseInterpolatedExpression();
                        break;
                    case TokenType.OpenBracket:
                        left = ParseArrayInitializer();
                        break;
                    case TokenType.DoublePlus:
                    case TokenType.DoubleMinus:
                        left = ParsePrefixIncrementDecrement();
                        break;
                    default:
                        left = IsStartingAsUnaryExpression() ? ParseUnaryExpression() : null;
                        break;
                }

                if (left is null)
                {
                    LogError(functionCall is not null
                        ? $"Unexpected token `{GetTextForLog(Current)}` while parsing function call `{functionCall}`"
                        : $"Unexpected token `{GetTextForLog(Current)}` while parsing expression");
                    return null;
                }

                if (left is AnonymousFunctionExpression)
                {
                    hasAnonymousFunction = true;
                }

                var parseNextOperand = false;
                while (!hasAnonymousFunction)
                {
                    if (Current.Type is TokenType.EndingInterpolatedString or TokenType.CloseInterpolatedBrace
                        or TokenType.ContinuationInterpolatedString or TokenType.OpenInterpolatedBrace)
                    {
                        break;
                    }

                    if (Current.Type is TokenType.Dot or TokenType.QuestionDot)
                    {
                        var next = PeekToken();
                        if (next.Type != TokenType.Identifier)
                        {
                            LogError(next, $"Invalid token `{next.Type}`. The dot operator is expected to be followed by a plain identifier");
                            return left;
                        }

                        var isQuestionDot = Current.Type == TokenType.QuestionDot;
                        NextToken();
                        var memberText = GetText(Current);
                        if (memberText is "empty" or "blank" && PeekToken().Type == TokenType.Question)
                        {
                            if (ParseVariable() is not VariableExpression emptyMember)
                            {
                                LogError("Unexpected literal member `{member}`");
                                return null;
                            }

                            ExpectToken(TokenType.Question);
                            left = Close(StartAt(new IsEmptyExpression(left, emptyMember), left));
                        }
                        else
                        {
                            var nullConditional = isQuestionDot || left is MemberExpression { NullConditional: true };
                            if (ParseVariable() is not VariableExpression member)
                            {
                                LogError("Unexpected literal member `{member}`");
                                return null;
                            }

                            left = Close(StartAt(new MemberExpression(left, member, nullConditional), left));
                        }

                        continue;
                    }

                    if (Current.Type is TokenType.DoublePlus or TokenType.DoubleMinus)
                    {
                        if (left is not IAssignable)
                        {
                            LogError("The operand of an increment or decrement operator must be a variable, property or indexer");
                        }

                        var increment = Current.Type == TokenType.DoublePlus;
                        NextToken();
                        left = new IncrementDecrementExpression(left, increment, postfix: true) { Span = left.Span };
                    }

                    if (Current.Type == TokenType.OpenBracket && left is IAssignable or LiteralExpression or FunctionCallExpression && !IsPreviousCharWhitespace())
                    {
                        var indexer = new IndexerExpression(left) { Span = left.Span };
                        NextToken();
                        indexer.Index = ExpectAndParseExpression(indexer, functionCall, 0, $"Expecting <index_expression> instead of `{GetTextForLog(Current)}`", mode)!;
                        if (Current.Type != TokenType.CloseBracket)
                        {
                            LogError($"Unexpected `{GetTextForLog(Current)}`. Expecting ']'");
                        }
                        else
                        {
                            NextToken();
                        }

                        left = Close(indexer);
                        continue;
                    }

                    if (mode == ExpressionMode.Basic || parent is UnaryExpression { Operator: UnaryOperator.FunctionAlias })
                    {
                        break;
                    }

                    if (mode != ExpressionMode.DefaultNoNamedArgument && Current.Type == TokenType.Colon)
                    {
                        if (left is not VariableExpression name)
                        {
                            LogError(left.Span, "Expecting a simple global or local variable before `:` in order to create a named argument");
                            break;
                        }

                        var named = Open(new NamedArgumentExpression(name));
                        NextToken();
                        named.Value = ExpectAndParseExpression(parent);
                        left = Close(named);
                        break;
                    }

                    if (Current.Type == TokenType.Equal && left is FunctionCallExpression call && TryGetFunctionDeclaration(call, out var declaration))
                    {
                        if (_expressionLevel > 1 || !allowAssignment)
                        {
                            LogError(left, "Creating a function is only allowed for a top level assignment");
                        }

                        NextToken();
                        declaration.Body = ParseExpressionStatement();
                        declaration.Span = declaration.Span with { End = declaration.Body.Span.End };
                        left = new DeclarationAsExpression(declaration);
                        break;
                    }

                    if (TryGetAssignmentOperator(out var compoundOperator))
                    {
                        var assignLabel = Open(new SyntaxLabel("assign expression", "<target_expression> = <value_expression>"));
                        assignLabel.Span = assignLabel.Span with { Start = left.Span.Start };
                        if (left is not IAssignable || functionCall is not null || _expressionLevel > 1 || !allowAssignment)
                        {
                            LogError(assignLabel, "Expression is only allowed for a top level assignment");
                        }

                        NextToken();
                        var value = ExpectAndParseExpression(assignLabel, parentExpression);
                        left = new AssignExpression(left, compoundOperator, value) { Span = assignLabel.Span };
                        left = Close(left);
                        break;
                    }

                    if (TryGetBinaryOperator(out var binaryOperator, out var newPrecedence))
                    {
                        if (originalMode == ExpressionMode.When && binaryOperator == BinaryOperator.Or)
                        {
                            break;
                        }

                        if (newPrecedence <= precedence)
                        {
                            break;
                        }

                        // Counts towards the depth limit like a nested expression.
                        EnterExpression();
                        var operatorSpan = CurrentSpan;
                        var binary = new BinaryExpression(left, binaryOperator, operatorSpan) { Span = left.Span };
                        NextToken();
                        var rightMessage = $"Expecting an <expression> to the right of the operator instead of `{GetTextForLog(Current)}`";
                        binary.Right = ExpectAndParseExpression(binary, functionCall ?? parentExpression, newPrecedence, rightMessage, mode)!;
                        left = Close(binary);
                        continue;
                    }

                    if (Current.Type == TokenType.Question)
                    {
                        if (precedence > 0)
                        {
                            break;
                        }

                        if (functionCall is not null)
                        {
                            functionCall.Arguments.Add(left);
                            left = Close(functionCall);
                            functionCall = null;
                        }

                        var conditional = new ConditionalExpression(left) { Span = left.Span };
                        ExpectToken(TokenType.Question);
                        conditional.Then = ExpectAndParseExpression(conditional, mode: ExpressionMode.DefaultNoNamedArgument);
                        ExpectToken(TokenType.Colon);
                        conditional.Otherwise = ExpectAndParseExpression(conditional, mode: ExpressionMode.DefaultNoNamedArgument);
                        left = Close(conditional);
                        break;
                    }

                    if (IsStartOfExpression())
                    {
                        if (parentExpression is not null)
                        {
                            break;
                        }

                        var forOptions = parent as ForStatement;
                        if (Current.Type == TokenType.Identifier && (forOptions is not null || PeekToken().Type == TokenType.Colon))
                        {
                            if (forOptions is null)
                            {
                                if (functionCall is null)
                                {
                                    functionCall = Open(new FunctionCallExpression(left));
                                    functionCall = StartAt(functionCall, left);
                                }
                                else
                                {
                                    functionCall.Arguments.Add(left);
                                }
                            }

                            Close(left);
                            leftClosed = true;
                            ParseNamedArguments(parent, forOptions, functionCall);

                            if (forOptions is not null || !IsStartOfExpression())
                            {
                                if (functionCall is not null)
                                {
                                    left = functionCall;
                                    functionCall = null;
                                }

                                if (IsCurrentPipe())
                                {
                                    continue;
                                }

                                break;
                            }

                            parseNextOperand = true;
                            break;
                        }

                        var isExplicitCall = Current.Type == TokenType.OpenParen && !IsPreviousCharWhitespace();
                        if (functionCall is null || isExplicitCall)
                        {
                            var pending = functionCall;
                            functionCall = StartAt(Open(new FunctionCallExpression(left)), left);
                            if (isExplicitCall)
                            {
                                ParseExplicitCallArguments(functionCall);
                                left = functionCall;
                                functionCall = pending;
                                continue;
                            }
                        }
                        else
                        {
                            functionCall.Arguments.Add(left);
                            if (left is AnonymousFunctionExpression)
                            {
                                break;
                            }
                        }

                        parseNextOperand = true;
                        break;
                    }

                    if (precedence > 0)
                    {
                        break;
                    }

                    if (parent is PipeExpression && functionCall is null && left is IAssignable)
                    {
                        left = new FunctionCallExpression(left) { Span = left.Span };
                    }

                    if (IsCurrentPipe())
                    {
                        if (functionCall is not null)
                        {
                            functionCall.Arguments.Add(left);
                            left = functionCall;
                            functionCall = null;
                        }

                        var pipe = StartAt(Open(new PipeExpression(left)), left);
                        _allowNewLineLevel++;
                        NextToken();
                        _allowNewLineLevel--;
                        pipe.To = ExpectAndParseExpression(pipe);
                        return Close(pipe);
                    }

                    break;
                }

                if (parseNextOperand)
                {
                    continue;
                }

                if (functionCall is not null)
                {
                    functionCall.Arguments.Add(left);
                    functionCall.Span = functionCall.Span with { End = left.Span.End };
                    return functionCall;
                }

                return leftClosed ? left : Close(left);
            }
        }
        finally
        {
            LeaveExpression();
            _expressionDepth = depthBefore;
            _expressionLevel--;
        }
    }

    private void ParseNamedArguments(Node parent, ForStatement? forOptions, FunctionCallExpression? functionCall)
    {
        while (Current.Type == TokenType.Identifier && (forOptions is not null || PeekToken().Type == TokenType.Colon))
        {
            var named = Open(new NamedArgumentExpressionBuilder());
            var parsed = ParseVariable();
            if (parsed is not VariableExpression name)
            {
                LogError(parsed.Span, "Invalid identifier passed as a named argument. Expecting a simple variable name");
                return;
            }

            var argument = new NamedArgumentExpression(name) { Span = named.Span };
            if (forOptions is not null)
            {
                forOptions.Options.Add(Close(argument));
            }
            else
            {
                if (functionCall is null)
                {
                    return;
                }

                functionCall.Arguments.Add(argument);
            }

            if (Current.Type == TokenType.Colon)
            {
                NextToken();
                argument.Value = ExpectAndParseExpression(parent, mode: ExpressionMode.Basic);
                if (argument.Value is not null)
                {
                    argument.Span = argument.Span with { End = argument.Value.Span.End };
                }
            }

            if (functionCall is not null)
            {
                functionCall.Span = functionCall.Span with { End = argument.Span.End };
                if (argument.Value is AnonymousFunctionExpression)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Placeholder used only to record where a named argument starts.</summary>
    private sealed class NamedArgumentExpressionBuilder : Node
    {
    }

    private void ParseExplicitCallArguments(FunctionCallExpression call)
    {
        call.ExplicitCall = true;
        NextToken();
        var first = true;
        while (true)
        {
            if (Current.Type == TokenType.CloseParen)
            {
                NextToken();
                call.IsClosed = true;
                break;
            }

            if (!first)
            {
                if (Current.Type == TokenType.Comma)
                {
                    NextToken();
                }
                else
                {
                    LogError(Current, "Expecting a comma to separate arguments in a function call.");
                }
            }

            first = false;
            if (!IsStartOfExpression())
            {
                LogError(Current, "Expecting an expression for argument function calls instead of this token.");
                break;
            }

            var argument = ParseExpression(call);
            if (argument is null)
            {
                break;
            }

            call.Arguments.Add(argument);
        }

        if (!call.IsClosed)
        {
            LogError(Current, "Expecting a closing parenthesis for a function call.");
        }

        Close(call);
    }

    private static bool TryGetFunctionDeclaration(FunctionCallExpression call, out FunctionStatement declaration)
    {
        declaration = null!;
        if (!call.ExplicitCall || !call.IsClosed || call.Target is not VariableExpression { IsLocal: false } name)
        {
            return false;
        }

        var parameters = new List<Parameter>(call.Arguments.Count);
        foreach (var argument in call.Arguments)
        {
            if (argument is not VariableExpression { IsLocal: false } parameterName)
            {
                return false;
            }

            parameters.Add(new Parameter(parameterName));
        }

        declaration = new FunctionStatement { Name = name, Parameters = parameters, Span = call.Span };
        return true;
    }

    private bool TryGetAssignmentOperator(out BinaryOperator compoundOperator)
    {
        compoundOperator = BinaryOperator.None;
        switch (Current.Type)
        {
            case TokenType.Equal:
                return true;
            case TokenType.PlusEqual:
                compoundOperator = BinaryOperator.Add;
                return true;
            case TokenType.MinusEqual:
                compoundOperator = BinaryOperator.Subtract;
                return true;
            case TokenType.AsteriskEqual:
                compoundOperator = BinaryOperator.Multiply;
                return true;
            case TokenType.DivideEqual:
                compoundOperator = BinaryOperator.Divide;
                return true;
            case TokenType.DoubleDivideEqual:
                compoundOperator = BinaryOperator.DivideRound;
                return true;
            case TokenType.PercentEqual:
                compoundOperator = BinaryOperator.Modulus;
                return true;
            default:
                return false;
        }
    }

    private bool TryGetBinaryOperator(out BinaryOperator op, out int precedence)
    {
        op = Current.Type switch
        {
            TokenType.Asterisk => BinaryOperator.Multiply,
            TokenType.Divide => BinaryOperator.Divide,
            TokenType.DoubleDivide => BinaryOperator.DivideRound,
            TokenType.Plus => BinaryOperator.Add,
            TokenType.Minus => BinaryOperator.Subtract,
            TokenType.Percent => BinaryOperator.Modulus,
            TokenType.DoubleLessThan => BinaryOperator.ShiftLeft,
            TokenType.DoubleGreaterThan => BinaryOperator.ShiftRight,
            TokenType.DoubleQuestion => BinaryOperator.EmptyCoalescing,
            TokenType.QuestionExclamation => BinaryOperator.NotEmptyCoalescing,
            TokenType.DoubleAmp => BinaryOperator.And,
            TokenType.DoubleVerticalBar => BinaryOperator.Or,
            TokenType.DoubleEqual => BinaryOperator.CompareEqual,
            TokenType.ExclamationEqual => BinaryOperator.CompareNotEqual,
            TokenType.Greater => BinaryOperator.CompareGreater,
            TokenType.GreaterEqual => BinaryOperator.CompareGreaterOrEqual,
            TokenType.Less => BinaryOperator.CompareLess,
            TokenType.LessEqual => BinaryOperator.CompareLessOrEqual,
            TokenType.DoubleDot => BinaryOperator.RangeInclude,
            TokenType.DoubleDotLess => BinaryOperator.RangeExclude,
            _ => BinaryOperator.None,
        };
        precedence = Precedence(op);
        return op != BinaryOperator.None;
    }

    internal static int Precedence(BinaryOperator op) => op switch
    {
        BinaryOperator.EmptyCoalescing or BinaryOperator.NotEmptyCoalescing => 20,
        BinaryOperator.Or => 30,
        BinaryOperator.And => 40,
        BinaryOperator.CompareEqual or BinaryOperator.CompareNotEqual => 70,
        BinaryOperator.CompareLess or BinaryOperator.CompareLessOrEqual
            or BinaryOperator.CompareGreater or BinaryOperator.CompareGreaterOrEqual => 80,
        BinaryOperator.Add or BinaryOperator.Subtract => 100,
        BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.DivideRound or BinaryOperator.Modulus
            or BinaryOperator.ShiftLeft or BinaryOperator.ShiftRight => 110,
        BinaryOperator.RangeInclude or BinaryOperator.RangeExclude => 130,
        _ => 0,
    };

    private const int UnaryPrecedence = 200;
    private const int IncrementPrecedence = 210;

    private Expression ParseArrayInitializer()
    {
        EnterExpression();
        try
        {
            var array = Open(new ArrayInitializerExpression());
            _allowNewLineLevel++;
            ExpectToken(TokenType.OpenBracket);
            while (Current.Type != TokenType.CloseBracket)
            {
                var item = ExpectAndParseExpression(array);
                if (item is null)
                {
                    break;
                }

                array.Items.Add(item);
                if (Current.Type == TokenType.Comma)
                {
                    NextToken();
                }
                else
                {
                    break;
                }
            }

            _allowNewLineLevel--;
            ExpectToken(TokenType.CloseBracket);
            return Close(array);
        }
        finally
        {
            LeaveExpression();
        }
    }

    private Expression ParseObjectInitializer()
    {
        var obj = Open(new ObjectInitializerExpression());
        _allowNewLineLevel++;
        ExpectToken(TokenType.OpenBrace);
        var hasErrors = false;
        var expectingEnd = false;
        while (Current.Type != TokenType.CloseBrace)
        {
            if (expectingEnd || (Current.Type != TokenType.Identifier && !Current.Type.IsStringToken()))
            {
                hasErrors = true;
                LogError($"Unexpected token `{GetTextForLog(Current)}` while parsing object initializer. Expecting a simple identifier for the member name.");
                break;
            }

            var nameToken = Current;
            var nameExpression = ParseVariableOrStringOrExpression(obj);
            string? memberName = null;
            switch (nameExpression)
            {
                case VariableExpression { IsLocal: false } variable:
                    memberName = variable.Name;
                    break;
                case VariableExpression:
                    hasErrors = true;
                    LogError("Expecting a simple identifier for member names");
                    break;
                case LiteralExpression { Value: string text }:
                    memberName = text;
                    break;
                case LiteralExpression literal:
                    hasErrors = true;
                    LogError(nameToken, $"Invalid literal member `{literal.Value}/{literal.Value?.GetType()}` found for object initializer member name. Only literal string or identifier name are allowed");
                    break;
                default:
                    hasErrors = true;
                    LogError(nameToken, $"Unexpected member type `{nameExpression}/{nameExpression?.SyntaxName ?? "unknown"}` found for object initializer member name");
                    break;
            }

            if (memberName is null)
            {
                break;
            }

            if (Current.Type != TokenType.Colon)
            {
                hasErrors = true;
                LogError($"Unexpected token `{GetTextForLog(Current)}` Expecting a colon : after identifier `{(nameExpression as VariableExpression)?.Name}` for object initializer member name");
                break;
            }

            NextToken();
            if (!IsStartOfExpression())
            {
                hasErrors = true;
                LogError($"Unexpected token `{GetTextForLog(Current)}`. Expecting an expression for the value of the member.");
                break;
            }

            var value = ParseExpression(obj);
            if (value is null)
            {
                hasErrors = true;
                break;
            }

            obj.Members.Add(new ObjectMember(memberName, nameExpression!, value));
            if (Current.Type == TokenType.Comma)
            {
                NextToken();
            }
            else
            {
                expectingEnd = true;
            }
        }

        _allowNewLineLevel--;
        if (!hasErrors)
        {
            ExpectToken(TokenType.CloseBrace);
        }

        return Close(obj);
    }

    private Expression? ParseVariableOrStringOrExpression(Node parent) => Current.Type switch
    {
        TokenType.Identifier or TokenType.IdentifierSpecial => ParseVariable(),
        TokenType.String => ParseString(),
        TokenType.BeginInterpolatedString or TokenType.InterpolatedString => ParseInterpolatedString(),
        TokenType.VerbatimString => ParseVerbatimString(),
        _ => ParseExpression(parent),
    };

    private Expression ParseParenthesis()
    {
        var nested = Open(new NestedExpression());
        ExpectToken(TokenType.OpenParen);
        nested.Inner = ExpectAndParseExpression(nested);
        if (Current.Type == TokenType.CloseParen)
        {
            NextToken();
        }
        else
        {
            LogError(Current, $"Invalid token `{GetTextForLog(Current)}`. Expecting a closing `)`.");
        }

        return Close(nested);
    }

    private Expression ParseInterpolatedString()
    {
        var interpolated = Open(new InterpolatedStringExpression());
        if (Current.Type == TokenType.InterpolatedString)
        {
            interpolated.Parts.Add(ParseInterpolatedStringPart());
        }
        else
        {
            interpolated.Parts.Add(ParseInterpolatedStringPart());
            while (Current.Type != TokenType.EndingInterpolatedString)
            {
                var part = ParseExpression(interpolated);
                if (part is null)
                {
                    break;
                }

                interpolated.Parts.Add(part);
            }

            if (Current.Type == TokenType.EndingInterpolatedString)
            {
                interpolated.Parts.Add(ParseInterpolatedStringPart());
            }
        }

        return Close(interpolated);
    }

    private Expression ParseInterpolatedExpression()
    {
        var expression = Open(new InterpolatedExpression());
        ExpectToken(TokenType.OpenInterpolatedBrace);
        expression.Inner = ExpectAndParseExpression(expression);
        if (Current.Type != TokenType.CloseInterpolatedBrace)
        {
            LogError(CurrentSpan, "Opened interpolated expression not closed on the same line.");
        }
        else
        {
            NextToken();
        }

        return Close(expression);
    }

    private Expression ParsePrefixIncrementDecrement()
    {
        var label = Open(new SyntaxLabel("increment/decrement expression", "<operator> <expression> or <expression> <operator>"));
        var increment = Current.Type == TokenType.DoublePlus;
        NextToken();
        var operand = ExpectAndParseExpression(label, null, IncrementPrecedence);
        if (operand is not IAssignable)
        {
            LogError("The operand of an increment or decrement operator must be a variable, property or indexer");
        }

        return Close(new IncrementDecrementExpression(operand!, increment, postfix: false) { Span = label.Span });
    }

    private Expression ParseUnaryExpression()
    {
        var label = Open(new SyntaxLabel("unary expression", "<operator> <expression>"));
        var op = Current.Type switch
        {
            TokenType.Exclamation => UnaryOperator.Not,
            TokenType.Minus => UnaryOperator.Negate,
            TokenType.Plus => UnaryOperator.Plus,
            TokenType.Arroba => UnaryOperator.FunctionAlias,
            TokenType.Caret => UnaryOperator.FunctionParametersExpand,
            _ => UnaryOperator.None,
        };
        if (op == UnaryOperator.None)
        {
            LogError($"Unexpected token `{Current.Type}` for unary expression");
        }

        NextToken();
        var unary = new UnaryExpression(op) { Span = label.Span };
        unary.Operand = ExpectAndParseExpression(unary, null, UnaryPrecedence)!;
        return Close(unary);
    }
}
