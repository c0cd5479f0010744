using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Parsing;

internal sealed partial class ScribanParser
{
    private BlockStatement ParseBlockStatement(Node parent, bool parseEndOfStatementAfterEnd = true)
    {
        _blocks.Push(parent);
        _blockLevel++;
        EnterExpression();

        var block = Open(new BlockStatement());
        var previousBlock = _currentBlock;
        _currentBlock = block;
        try
        {
            var hasEnd = false;
            while (TryParseStatement(parent, parseEndOfStatementAfterEnd, out var statement, out hasEnd))
            {
                if (statement is not null and not EndStatement)
                {
                    block.Statements.Add(statement);
                }

                if (hasEnd)
                {
                    if (_blockLevel == 1)
                    {
                        LogError(parent, new SourceSpan(_sourceName, Previous.End, Previous.End), "Found <end> statement without a corresponding beginning of a block");
                    }

                    break;
                }
            }

            if (!hasEnd && _blockLevel > 1)
            {
                LogError(parent, SpanOf(Previous), "The <end> statement was not found");
            }
        }
        finally
        {
            _currentBlock = previousBlock;
            LeaveExpression();
            _blockLevel--;
        }

        _blocks.Pop();
        return Close(block);
    }

    private bool TryParseStatement(Node parent, bool parseEndOfStatementAfterEnd, out Statement? statement, out bool hasEnd)
    {
        hasEnd = false;
        statement = null;
        while (true)
        {
            if (_hasFatalError)
            {
                return false;
            }

            switch (Current.Type)
            {
                case TokenType.Eof:
                    return false;

                case TokenType.Raw:
                case TokenType.Escape:
                    statement = ParseRawStatement();
                    if (parent is CaseStatement)
                    {
                        // Text directly inside a case (before the first when) is ignored.
                        statement = null;
                        continue;
                    }

                    return true;

                case TokenType.CodeEnter:
                case TokenType.CodeExit:
                case TokenType.EscapeEnter:
                case TokenType.EscapeExit:
                    statement = ParseEscapeStatement();
                    return true;
            }

            if (!_inCodeSection)
            {
                LogError($"Unexpected token {GetTextForLog(Current)} while not in a code block {{ ... }}");
                return false;
            }

            switch (Current.Type)
            {
                case TokenType.NewLine:
                case TokenType.SemiColon:
                    NextToken();
                    continue;
                case TokenType.Identifier:
                case TokenType.IdentifierSpecial:
                    return ParseKeywordOrExpressionStatement(GetText(Current), parent, parseEndOfStatementAfterEnd, out statement, out hasEnd);
                default:
                    if (IsStartOfExpression())
                    {
                        statement = ParseExpressionStatement();
                        return true;
                    }

                    LogError($"Unexpected token {GetTextForLog(Current)}");
                    return false;
            }
        }
    }

    private bool ParseKeywordOrExpressionStatement(string identifier, Node parent, bool parseEndOfStatementAfterEnd, out Statement? statement, out bool hasEnd)
    {
        var startToken = Current;
        hasEnd = false;
        statement = null;
        switch (identifier)
        {
            case "end":
                hasEnd = true;
                statement = ParseEndStatement(parseEndOfStatementAfterEnd);
                return true;
            case "wrap":
                CheckNotInCase(parent, startToken);
                statement = ParseWrapStatement();
                return true;
            case "if":
                CheckNotInCase(parent, startToken);
                statement = ParseIfStatement(isElseIf: false);
                return true;
            case "case":
                CheckNotInCase(parent, startToken);
                statement = ParseCaseStatement();
                return true;
            case "when":
            {
                var when = ParseWhenStatement();
                hasEnd = true;
                if (parent is WhenStatement parentWhen)
                {
                    parentWhen.Next = when;
                }
                else if (parent is CaseStatement)
                {
                    statement = when;
                }
                else
                {
                    LogError(startToken, "A `when` condition must be preceded by another `when`/`else`/`case` condition");
                    return false;
                }

                return true;
            }

            case "else":
            {
                var next = ParseElseStatement();
                hasEnd = true;
                switch (parent)
                {
                    case IfStatement parentIf:
                        parentIf.Else = next;
                        return true;
                    case WhenStatement parentWhen:
                        parentWhen.Next = next;
                        return true;
                    case ForStatement forStatement:
                        if (next is ElseStatement elseStatement)
                        {
                            forStatement.Else = elseStatement;
                        }
                        else
                        {
                            LogError(next.Span, "Invalid if/else combination within a for statement.");
                        }

                        return true;
                    default:
                        LogError(startToken, "A else condition must be preceded by another if/else/when condition or a for loop.");
                        return false;
                }
            }

            case "for":
            case "tablerow":
                CheckNotInCase(parent, startToken);
                statement = PeekToken().Type == TokenType.Dot ? ParseExpressionStatement() : ParseForStatement(identifier == "tablerow");
                return true;
            case "with":
                CheckNotInCase(parent, startToken);
                statement = ParseWithStatement();
                return true;
            case "import":
                CheckNotInCase(parent, startToken);
                statement = ParseImportStatement();
                return true;
            case "readonly":
                CheckNotInCase(parent, startToken);
                statement = ParseReadOnlyStatement();
                return true;
            case "while":
                CheckNotInCase(parent, startToken);
                statement = PeekToken().Type == TokenType.Dot ? ParseExpressionStatement() : ParseWhileStatement();
                return true;
            case "break":
                CheckNotInCase(parent, startToken);
                statement = Open(new BreakStatement());
                ExpectKeyword("break");
                ExpectEndOfStatement();
                Close(statement);
                return true;
            case "continue":
                CheckNotInCase(parent, startToken);
                statement = Open(new ContinueStatement());
                ExpectKeyword("continue");
                ExpectEndOfStatement();
                Close(statement);
                return true;
            case "func":
                CheckNotInCase(parent, startToken);
                statement = ParseFunctionStatement(isAnonymous: false);
                return true;
            case "ret":
                CheckNotInCase(parent, startToken);
                statement = ParseReturnStatement();
                return true;
            case "capture":
                CheckNotInCase(parent, startToken);
                statement = ParseCaptureStatement();
                return true;
            default:
                CheckNotInCase(parent, startToken);
                statement = ParseExpressionStatement();
                return true;
        }
    }

    private void CheckNotInCase(Node parent, Token token)
    {
        if (parent is CaseStatement)
        {
            LogError(token, $"Unexpected statement/expression `{GetTextForLog(token)}` in the body of a `case` statement. Only `when`/`else` are expected.");
        }
    }

    private RawStatement ParseRawStatement()
    {
        var isEscape = Current.Type == TokenType.Escape;
        var token = Current;
        var raw = new RawStatement(_text, token.Start.Offset, token.End.Offset - token.Start.Offset + 1, isEscape)
        {
            Span = SpanOf(token),
        };
        NextToken();
        return raw;
    }

    private EscapeStatement ParseEscapeStatement()
    {
        var isCodeEnter = Current.Type == TokenType.CodeEnter;
        var isEscape = Current.Type is TokenType.EscapeEnter or TokenType.EscapeExit;
        var isEnter = isCodeEnter || Current.Type == TokenType.EscapeEnter;

        if (isCodeEnter)
        {
            if (_inCodeSection)
            {
                LogError("Unexpected token while already in a code block");
            }
        }
        else if (!isEscape && !_inCodeSection)
        {
            LogError("Unexpected code block exit '}}' while no code block enter '{{' has been found");
        }

        _inCodeSection = isCodeEnter;
        var escape = Open(new EscapeStatement { IsEntering = isEnter });
        NextToken();

        if (isCodeEnter && _currentBlock is { Statements.Count: > 0 } block && block.Statements[^1] is RawStatement raw)
        {
            escape.Indent = IndentBefore(raw) ?? string.Empty;
        }

        return Close(escape);
    }

    /// <summary>The whitespace between the last newline of <paramref name="raw"/> and its end, if only whitespace.</summary>
    private static string? IndentBefore(RawStatement raw)
    {
        var text = raw.Source;
        var end = raw.Index + raw.Length - 1;
        for (var j = end; j >= 0; j--)
        {
            var c = text[j];
            if (c == '\n')
            {
                return text.Substring(j + 1, end - j);
            }

            if (!char.IsWhiteSpace(c))
            {
                return null;
            }

            if (j == 0)
            {
                return text[..(end + 1)];
            }
        }

        return null;
    }

    private EndStatement ParseEndStatement(bool parseEndOfStatementAfterEnd)
    {
        var end = Open(new EndStatement());
        ExpectKeyword("end");
        if (parseEndOfStatementAfterEnd)
        {
            ExpectEndOfStatement();
        }

        return Close(end);
    }

    private Statement ParseExpressionStatement()
    {
        var statement = Open(new ExpressionStatement());
        Expression? parsed;
        if (IsStartOfExpression())
        {
            parsed = ParseExpression(statement);
        }
        else
        {
            LogError(statement, CurrentSpan, $"Expecting <expression> instead of `{GetTextForLog(Current)}`");
            parsed = null;
        }

        if (parsed is null)
        {
            return Close(statement);
        }

        if (parsed is DeclarationAsExpression declaration)
        {
            return declaration.Function;
        }

        statement.Expression = parsed;
        ExpectEndOfStatement();
        return Close(statement);
    }

    private IfStatement ParseIfStatement(bool isElseIf)
    {
        var ifStatement = Open(new IfStatement { IsElseIf = isElseIf });
        ExpectKeyword("if");
        ifStatement.Condition = ExpectAndParseExpression(ifStatement, allowAssignment: false);
        if (ExpectEndOfStatement())
        {
            ifStatement.Then = ParseBlockStatement(ifStatement);
        }

        return Close(ifStatement);
    }

    private ConditionStatement ParseElseStatement()
    {
        var next = PeekToken();
        if (next.Type == TokenType.Identifier && GetText(next) == "if")
        {
            ExpectKeyword("else");
            return ParseIfStatement(isElseIf: true);
        }

        var elseStatement = Open(new ElseStatement());
        ExpectKeyword("else");
        if (ExpectEndOfStatement())
        {
            elseStatement.Body = ParseBlockStatement(elseStatement);
        }

        return Close(elseStatement);
    }

    private CaseStatement ParseCaseStatement()
    {
        var caseStatement = Open(new CaseStatement());
        ExpectKeyword("case");
        caseStatement.Value = ExpectAndParseExpression(caseStatement, allowAssignment: false);
        if (ExpectEndOfStatement())
        {
            caseStatement.Body = ParseBlockStatement(caseStatement);
        }

        return Close(caseStatement);
    }

    private WhenStatement ParseWhenStatement()
    {
        var when = Open(new WhenStatement());
        ExpectKeyword("when");
        while (IsStartOfExpression())
        {
            var value = ParseExpression(when, mode: ExpressionMode.When, allowAssignment: false);
            if (value is null)
            {
                break;
            }

            when.Values.Add(value);
            if (Current.Type is TokenType.Comma or TokenType.DoubleVerticalBar)
            {
                NextToken();
            }
        }

        if (when.Values.Count == 0)
        {
            LogError(Current, "When is expecting at least one value.");
        }

        if (ExpectEndOfStatement())
        {
            when.Body = ParseBlockStatement(when);
        }

        return Close(when);
    }

    private ForStatement ParseForStatement(bool isTableRow)
    {
        var forStatement = Open(new ForStatement(isTableRow));
        ExpectKeyword(isTableRow ? "tablerow" : "for");
        forStatement.Variable = ExpectAndParseExpression(forStatement, mode: ExpressionMode.Basic);
        if (forStatement.Variable is null)
        {
            return Close(forStatement);
        }

        if (forStatement.Variable is not IAssignable)
        {
            LogError(forStatement, $"Expecting a variable instead of `{forStatement.Variable}`");
        }

        if (Current.Type != TokenType.Identifier || GetText(Current) != "in")
        {
            LogError(forStatement, $"Expecting 'in' word instead of `{GetTextForLog(Current)}`");
        }
        else
        {
            ExpectKeyword("in");
        }

        forStatement.Iterator = ExpectAndParseExpression(forStatement);
        if (ExpectEndOfStatement())
        {
            forStatement.Body = ParseBlockStatement(forStatement);
        }

        return Close(forStatement);
    }

    private WhileStatement ParseWhileStatement()
    {
        var whileStatement = Open(new WhileStatement());
        ExpectKeyword("while");
        whileStatement.Condition = ExpectAndParseExpression(whileStatement, allowAssignment: false);
        if (ExpectEndOfStatement())
        {
            whileStatement.Body = ParseBlockStatement(whileStatement);
        }

        return Close(whileStatement);
    }

    private CaptureStatement ParseCaptureStatement()
    {
        var capture = Open(new CaptureStatement());
        ExpectKeyword("capture");
        capture.Target = ExpectAndParseExpression(capture);
        ExpectEndOfStatement();
        capture.Body = ParseBlockStatement(capture);
        return Close(capture);
    }

    private WithStatement ParseWithStatement()
    {
        var with = Open(new WithStatement());
        ExpectKeyword("with");
        with.Target = ExpectAndParseExpression(with);
        if (ExpectEndOfStatement())
        {
            with.Body = ParseBlockStatement(with);
        }

        return Close(with);
    }

    private WrapStatement ParseWrapStatement()
    {
        var wrap = Open(new WrapStatement());
        ExpectKeyword("wrap");
        wrap.Target = ExpectAndParseExpression(wrap);
        if (ExpectEndOfStatement())
        {
            wrap.Body = ParseBlockStatement(wrap);
        }

        return Close(wrap);
    }

    private ImportStatement ParseImportStatement()
    {
        var import = Open(new ImportStatement());
        ExpectKeyword("import");
        import.Expression = ExpectAndParseExpression(import);
        ExpectEndOfStatement();
        return Close(import);
    }

    private ReadOnlyStatement ParseReadOnlyStatement()
    {
        var readOnly = Open(new ReadOnlyStatement());
        ExpectKeyword("readonly");
        readOnly.Variable = ExpectAndParseVariable(readOnly);
        ExpectEndOfStatement();
        return Close(readOnly);
    }

    private ReturnStatement ParseReturnStatement()
    {
        var ret = Open(new ReturnStatement());
        ExpectKeyword("ret");
        if (IsStartOfExpression())
        {
            ret.Expression = ParseExpression(ret);
        }

        ExpectEndOfStatement();
        return Close(ret);
    }

    private FunctionStatement ParseFunctionStatement(bool isAnonymous)
    {
        var function = Open(new FunctionStatement());
        var previousLevel = _expressionLevel;
        try
        {
            // Statements inside a function body are top-level again, even in an expression.
            _expressionLevel = 0;
            if (isAnonymous)
            {
                ExpectKeyword("do");
            }
            else
            {
                ExpectKeyword("func");
                function.Name = ExpectAndParseVariable(function);
            }

            if (Current.Type == TokenType.OpenParen)
            {
                function.Parameters = ParseParameters(function);
            }

            ExpectEndOfStatement();
            function.Body = ParseBlockStatement(function, parseEndOfStatementAfterEnd: !isAnonymous);
        }
        finally
        {
            _expressionLevel = previousLevel;
        }

        return Close(function);
    }

    private List<Parameter> ParseParameters(FunctionStatement function)
    {
        NextToken();
        var parameters = new List<Parameter>();
        var hasVariadic = false;
        var hasOptional = false;
        var closed = false;
        var first = true;
        while (true)
        {
            if (Current.Type == TokenType.CloseParen)
            {
                NextToken();
                closed = true;
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

            var parameterLabel = Open(new SyntaxLabel("ScriptParameter", "..."));
            var name = ExpectAndParseVariable(function);
            if (name is null)
            {
                break;
            }

            if (name.IsLocal)
            {
                LogError(name.Span, "Expecting only a simple name parameter for a function");
            }

            var parameter = new Parameter(name);
            if (Current.Type == TokenType.Equal)
            {
                if (hasVariadic)
                {
                    LogError(name.Span, "Cannot declare an optional parameter after a variable parameter (`...`).");
                }

                hasOptional = true;
                parameter.HasDefault = true;
                NextToken();
                var defaultValue = ExpectAndParseExpression(parameterLabel);
                if (defaultValue is LiteralExpression literal)
                {
                    parameter.DefaultValue = literal;
                }
                else
                {
                    LogError(name.Span, "Expecting only a literal for an optional parameter value.");
                }
            }
            else if (Current.Type == TokenType.TripleDot)
            {
                if (hasVariadic)
                {
                    LogError(name.Span, "Cannot declare multiple variable parameters.");
                }

                hasVariadic = true;
                hasOptional = true;
                parameter.IsVariadic = true;
                NextToken();
            }
            else if (hasOptional)
            {
                LogError(name.Span, "Cannot declare a normal parameter after an optional parameter.");
            }

            parameters.Add(parameter);
        }

        if (!closed)
        {
            LogError(Current, "Expecting a closing parenthesis for a function call.");
        }

        return parameters;
    }

    private VariableExpression? ExpectAndParseVariable(Node parent)
    {
        if (Current.Type is TokenType.Identifier or TokenType.IdentifierSpecial)
        {
            var parsed = ParseVariable();
            if (parsed is VariableExpression variable)
            {
                return variable;
            }

            LogError(parent, $"Unexpected variable `{parsed}`");
        }
        else
        {
            LogError(parent, $"Expecting a variable instead of `{GetTextForLog(Current)}`");
        }

        return null;
    }

    /// <summary>An inline function declaration (<c>f(x) = expr</c>) found while parsing an expression.</summary>
    private sealed class DeclarationAsExpression : Expression
    {
        public DeclarationAsExpression(FunctionStatement function)
        {
            Function = function;
            Span = function.Span;
        }

        public FunctionStatement Function { get; }

        internal override object? Evaluate(Runtime.RenderContext context) => throw new NotSupportedException();
    }
}
