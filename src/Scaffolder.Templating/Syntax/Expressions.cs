namespace Scaffolder.Templating.Syntax;

internal enum BinaryOperator
{
    None,
    Add,
    Subtract,
    Multiply,
    Divide,
    DivideRound,
    Modulus,
    ShiftLeft,
    ShiftRight,
    EmptyCoalescing,
    NotEmptyCoalescing,
    And,
    Or,
    CompareEqual,
    CompareNotEqual,
    CompareLess,
    CompareLessOrEqual,
    CompareGreater,
    CompareGreaterOrEqual,
    RangeInclude,
    RangeExclude,
}

internal enum UnaryOperator
{
    None,
    Not,
    Negate,
    Plus,
    FunctionAlias,
    FunctionParametersExpand,
}

internal static class OperatorText
{
    public static string ToText(this BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.DivideRound => "//",
        BinaryOperator.Modulus => "%",
        BinaryOperator.ShiftLeft => "<<",
        BinaryOperator.ShiftRight => ">>",
        BinaryOperator.EmptyCoalescing => "??",
        BinaryOperator.NotEmptyCoalescing => "?!",
        BinaryOperator.And => "&&",
        BinaryOperator.Or => "||",
        BinaryOperator.CompareEqual => "==",
        BinaryOperator.CompareNotEqual => "!=",
        BinaryOperator.CompareLess => "<",
        BinaryOperator.CompareLessOrEqual => "<=",
        BinaryOperator.CompareGreater => ">",
        BinaryOperator.CompareGreaterOrEqual => ">=",
        BinaryOperator.RangeInclude => "..",
        BinaryOperator.RangeExclude => "..<",
        _ => op.ToString(),
    };

    public static string ToText(this UnaryOperator op) => op switch
    {
        UnaryOperator.Not => "!",
        UnaryOperator.Negate => "-",
        UnaryOperator.Plus => "+",
        UnaryOperator.FunctionAlias => "@",
        UnaryOperator.FunctionParametersExpand => "^",
        _ => op.ToString(),
    };
}

/// <summary>An expression whose value can also be assigned (variables, members, indexers).</summary>
internal partial interface IAssignable
{
}

internal abstract partial class Expression : Node
{
}

internal sealed partial class LiteralExpression : Expression
{
    public LiteralExpression(object? value) => Value = value;

    public object? Value { get; }

    /// <summary>The quote the literal was written with ('"', '\'', '`'), for printing.</summary>
    public char Quote { get; init; } = '"';

    public override string SyntaxName => "literal";

    public override string SyntaxExample => "<value>";
}

internal sealed partial class VariableExpression : Expression, IAssignable
{
    public VariableExpression(string name, bool isLocal)
    {
        // Interned so that runtime lookups can short-circuit on reference equality.
        Name = string.Intern(name);
        IsLocal = isLocal;
        FullName = isLocal ? string.Intern("$" + name) : Name;
    }

    /// <summary>The name without the <c>$</c> of locals.</summary>
    public string Name { get; }

    public bool IsLocal { get; }

    /// <summary>The name as stored in scopes: locals keep their <c>$</c>.</summary>
    public string FullName { get; }

    public override string SyntaxName => "variable";

    public override string SyntaxExample => "<variable_name>";
}

internal sealed partial class MemberExpression : Expression, IAssignable
{
    public MemberExpression(Expression target, VariableExpression member, bool nullConditional)
    {
        Target = target;
        Member = member;
        NullConditional = nullConditional;
    }

    public Expression Target { get; }

    public VariableExpression Member { get; }

    /// <summary>Written with <c>?.</c> (or follows one in the same chain).</summary>
    public bool NullConditional { get; }

    public override string SyntaxName => "member expression";

    public override string SyntaxExample => "<expression>.<variable_name>";
}

internal sealed partial class IsEmptyExpression : Expression, IAssignable
{
    public IsEmptyExpression(Expression target, VariableExpression member)
    {
        Target = target;
        Member = member;
    }

    public Expression Target { get; }

    public VariableExpression Member { get; }

    public override string SyntaxName => "empty expression";

    public override string SyntaxExample => "<expression>.empty?";
}

internal sealed partial class IndexerExpression : Expression, IAssignable
{
    public IndexerExpression(Expression target) => Target = target;

    public IndexerExpression(Expression target, Expression index)
    {
        Target = target;
        Index = index;
    }

    public Expression Target { get; }

    public Expression Index { get; set; } = null!;

    public override string SyntaxName => "indexer expression";

    public override string SyntaxExample => "<expression>[<index_expression>]";
}

internal sealed partial class ThisExpression : Expression, IAssignable
{
    public override string SyntaxName => "this expression";

    public override string SyntaxExample => "this";
}

internal sealed partial class BinaryExpression : Expression
{
    public BinaryExpression(Expression left, BinaryOperator op, SourceSpan operatorSpan)
    {
        Left = left;
        Operator = op;
        OperatorSpan = operatorSpan;
    }

    public Expression Left { get; }

    public BinaryOperator Operator { get; }

    public Expression Right { get; set; } = null!;

    public SourceSpan OperatorSpan { get; }

    public override string SyntaxName => "binary expression";

    public override string SyntaxExample => "<expression> operator <expression>";
}

internal sealed partial class UnaryExpression : Expression
{
    public UnaryExpression(UnaryOperator op) => Operator = op;

    public UnaryOperator Operator { get; }

    public Expression Operand { get; set; } = null!;

    public override string SyntaxName => "unary expression";

    public override string SyntaxExample => "<operator> <expression>";
}

internal sealed partial class IncrementDecrementExpression : Expression
{
    public IncrementDecrementExpression(Expression target, bool increment, bool postfix)
    {
        Target = target;
        Increment = increment;
        Postfix = postfix;
    }

    public Expression Target { get; }

    public bool Increment { get; }

    public bool Postfix { get; }

    public override string SyntaxName => "increment/decrement expression";

    public override string SyntaxExample => "<operator> <expression> or <expression> <operator>";
}

internal sealed partial class ConditionalExpression : Expression
{
    public ConditionalExpression(Expression condition) => Condition = condition;

    public Expression Condition { get; }

    public Expression? Then { get; set; }

    public Expression? Otherwise { get; set; }

    public override string SyntaxName => "conditional expression";

    public override string SyntaxExample => "<condition> ? <then_value> : <else_value>";
}

internal sealed partial class AssignExpression : Expression
{
    /// <param name="compoundOperator"><see cref="BinaryOperator.None"/> for plain <c>=</c>.</param>
    public AssignExpression(Expression target, BinaryOperator compoundOperator, Expression? value)
    {
        Target = target;
        CompoundOperator = compoundOperator;
        Value = value;
    }

    public Expression Target { get; }

    public BinaryOperator CompoundOperator { get; }

    public Expression? Value { get; }

    public override string SyntaxName => "assign expression";

    public override string SyntaxExample => "<target_expression> = <value_expression>";
}

internal sealed partial class FunctionCallExpression : Expression
{
    public FunctionCallExpression(Expression target) => Target = target;

    public Expression Target { get; }

    public List<Expression> Arguments { get; } = [];

    /// <summary>Written <c>f(a, b)</c> rather than <c>f a b</c>.</summary>
    public bool ExplicitCall { get; set; }

    /// <summary>The explicit call's closing parenthesis was found.</summary>
    public bool IsClosed { get; set; }

    public override string SyntaxName => "function call expression";

    public override string SyntaxExample => "<target_expression> <arguemnt[0]> ... <arguement[n]>";
}

internal sealed partial class NamedArgumentExpression : Expression
{
    public NamedArgumentExpression(VariableExpression name) => Name = name;

    public VariableExpression Name { get; }

    /// <summary>Null for a bare flag (<c>reversed</c>), which reads as <c>true</c>.</summary>
    public Expression? Value { get; set; }

    public override string SyntaxName => "NamedArgument";
}

internal sealed partial class PipeExpression : Expression
{
    public PipeExpression(Expression from) => From = from;

    public Expression From { get; }

    public Expression? To { get; set; }

    public override string SyntaxName => "pipe expression";

    public override string SyntaxExample => "<expression> | <expression>";
}

internal sealed partial class NestedExpression : Expression, IAssignable
{
    public Expression? Inner { get; set; }

    public override string SyntaxName => "nested expression";

    public override string SyntaxExample => "(<expression>)";
}

internal sealed partial class ArrayInitializerExpression : Expression
{
    public List<Expression> Items { get; } = [];

    public override string SyntaxName => "array initializer";

    public override string SyntaxExample => "[item1, item2,...]";
}

internal sealed class ObjectMember
{
    public ObjectMember(string name, Expression nameExpression, Expression value)
    {
        Name = name;
        NameExpression = nameExpression;
        Value = value;
    }

    public string Name { get; }

    public Expression NameExpression { get; }

    public Expression Value { get; }
}

internal sealed partial class ObjectInitializerExpression : Expression
{
    public List<ObjectMember> Members { get; } = [];

    public override string SyntaxName => "object initializer expression";

    public override string SyntaxExample => "{ member1: <expression>, member2: ... }";
}

internal sealed partial class InterpolatedStringExpression : Expression
{
    public List<Expression> Parts { get; } = [];

    public override string SyntaxName => "interpolated string expression";

    public override string SyntaxExample => "$\"string{<expression>}string\"";
}

internal sealed partial class InterpolatedExpression : Expression
{
    public Expression? Inner { get; set; }

    public override string SyntaxName => "interpolated expression";

    public override string SyntaxExample => "{<expression>}";
}

internal sealed partial class AnonymousFunctionExpression : Expression
{
    public AnonymousFunctionExpression(FunctionStatement function) => Function = function;

    public FunctionStatement Function { get; }

    public override string SyntaxName => "function statement";

    public override string SyntaxExample => "func <variable> ... end";
}
