namespace Scaffolder.Templating.Syntax;

internal abstract partial class Statement : Node
{
    /// <summary>Whether a non-null value of this statement is written to the output.</summary>
    public virtual bool CanOutput => true;
}

internal sealed partial class BlockStatement : Statement
{
    public List<Statement> Statements { get; } = [];

    public override string SyntaxName => "block statement";

    public override string SyntaxExample => "<statement>...end";
}

/// <summary>Text outside code blocks (or inside an escape block), copied to the output.</summary>
internal sealed partial class RawStatement : Statement
{
    public RawStatement(string source, int index, int length, bool isEscape)
    {
        Source = source;
        Index = index;
        Length = length;
        IsEscape = isEscape;
    }

    /// <summary>The whole template text; the statement covers <see cref="Index"/> .. + <see cref="Length"/>.</summary>
    public string Source { get; }

    public int Index { get; }

    public int Length { get; }

    public bool IsEscape { get; }

    public override string SyntaxName => "raw statement";

    public override string SyntaxExample => "<raw_text>";
}

/// <summary>A <c>{{</c> or <c>}}</c> marker; entering markers carry the auto-indent of their line.</summary>
internal sealed partial class EscapeStatement : Statement
{
    public bool IsEntering { get; init; }

    public string Indent { get; set; } = string.Empty;

    public override string SyntaxName => "{{ or }}";

    public override string SyntaxExample => "{{ or }}";
}

internal sealed partial class ExpressionStatement : Statement
{
    public Expression? Expression { get; set; }

    public override bool CanOutput => Expression is not AssignExpression;

    public override string SyntaxName => "expression statement";

    public override string SyntaxExample => "<expression>";
}

/// <summary>A branch of an if/else chain or a case/when chain.</summary>
internal abstract partial class ConditionStatement : Statement
{
}

internal sealed partial class IfStatement : ConditionStatement
{
    public Expression? Condition { get; set; }

    public BlockStatement? Then { get; set; }

    public ConditionStatement? Else { get; set; }

    /// <summary>This <c>if</c> follows an <c>else</c> and shares the chain's single <c>end</c>.</summary>
    public bool IsElseIf { get; init; }

    public override string SyntaxName => "if statement";

    public override string SyntaxExample => "if <expression> ... end|else|else if";
}

internal sealed partial class ElseStatement : ConditionStatement
{
    public BlockStatement? Body { get; set; }

    public override string SyntaxName => "else statement";

    public override string SyntaxExample => "else | else if <expression> ... end|else|else if";
}

internal sealed partial class CaseStatement : Statement
{
    public Expression? Value { get; set; }

    public BlockStatement? Body { get; set; }

    public override string SyntaxName => "case statement";

    public override string SyntaxExample => "case <expression> ... end|when|else";
}

internal sealed partial class WhenStatement : ConditionStatement
{
    public List<Expression> Values { get; } = [];

    public BlockStatement? Body { get; set; }

    public ConditionStatement? Next { get; set; }

    public override string SyntaxName => "when statement";

    public override string SyntaxExample => "when <expression> ... end|when|else";
}

internal sealed partial class ForStatement : Statement
{
    public ForStatement(bool isTableRow) => IsTableRow = isTableRow;

    /// <summary>A <c>tablerow</c> loop: same parameters as <c>for</c>, output wrapped in table rows.</summary>
    public bool IsTableRow { get; }

    public Expression? Variable { get; set; }

    public Expression? Iterator { get; set; }

    public List<NamedArgumentExpression> Options { get; } = [];

    public BlockStatement? Body { get; set; }

    public ElseStatement? Else { get; set; }

    public override string SyntaxName => "for statement";

    public override string SyntaxExample => "for <variable> in <expression> ... end";
}

internal sealed partial class WhileStatement : Statement
{
    public Expression? Condition { get; set; }

    public BlockStatement? Body { get; set; }

    public override string SyntaxName => "while statement";

    public override string SyntaxExample => "while <expression> ... end";
}

internal sealed partial class BreakStatement : Statement
{
    public override string SyntaxName => "break statement";

    public override string SyntaxExample => "break";
}

internal sealed partial class ContinueStatement : Statement
{
    public override string SyntaxName => "continue statement";

    public override string SyntaxExample => "continue";
}

internal sealed partial class CaptureStatement : Statement
{
    public Expression? Target { get; set; }

    public BlockStatement? Body { get; set; }

    public override string SyntaxName => "capture statement";

    public override string SyntaxExample => "capture <variable> ... end";
}

internal sealed class Parameter
{
    public Parameter(VariableExpression name) => Name = name;

    public VariableExpression Name { get; }

    public LiteralExpression? DefaultValue { get; set; }

    public bool IsVariadic { get; set; }

    public bool HasDefault { get; set; }
}

/// <summary>A function: <c>func name ... end</c>, <c>func name(a, b = 1, c...)</c>, <c>name(a) = expr</c> or <c>do ... end</c>.</summary>
internal sealed partial class FunctionStatement : Statement
{
    /// <summary>Null for anonymous <c>do</c> functions.</summary>
    public VariableExpression? Name { get; set; }

    /// <summary>Null for a simple function that takes its arguments through <c>$</c>.</summary>
    public List<Parameter>? Parameters { get; set; }

    /// <summary>A block, or an expression statement for the inline form.</summary>
    public Statement? Body { get; set; }

    public bool IsAnonymous => Name is null;

    public override bool CanOutput => false;

    public override string SyntaxName => "function statement";

    public override string SyntaxExample => "func <variable> ... end";
}

internal sealed partial class ReturnStatement : Statement
{
    public Expression? Expression { get; set; }

    public override string SyntaxName => "return statement";

    public override string SyntaxExample => "return <expression>?";
}

internal sealed partial class WithStatement : Statement
{
    public Expression? Target { get; set; }

    public BlockStatement? Body { get; set; }

    public override string SyntaxName => "with statement";

    public override string SyntaxExample => "with <variable> ... end";
}

internal sealed partial class WrapStatement : Statement
{
    public Expression? Target { get; set; }

    public BlockStatement? Body { get; set; }

    public override string SyntaxName => "wrap statement";

    public override string SyntaxExample => "wrap <function_call> ... end";
}

internal sealed partial class ImportStatement : Statement
{
    public Expression? Expression { get; set; }

    public override string SyntaxName => "import statement";

    public override string SyntaxExample => "import <expression>";
}

internal sealed partial class ReadOnlyStatement : Statement
{
    public VariableExpression? Variable { get; set; }

    public override string SyntaxName => "readonly statement";

    public override string SyntaxExample => "readonly <variable>";
}

/// <summary>The <c>end</c> keyword; only exists while parsing.</summary>
internal sealed partial class EndStatement : Statement
{
    public override string SyntaxName => "end statement";

    public override string SyntaxExample => "end";
}
