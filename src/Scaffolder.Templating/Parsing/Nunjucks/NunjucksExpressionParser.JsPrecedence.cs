using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Parsing.Nunjucks;

/// <summary>
/// Nunjucks compiles most operators to JavaScript without parentheses (<c>a ~ b</c> becomes
/// <c>a + "" + b</c>, <c>not a</c> becomes <c>!a</c>), so JavaScript's precedence, not the template
/// grammar's, decides how a chain of them groups: <c>not a == b</c> is <c>(!a) == b</c> and
/// <c>'a' ~ 1 + 2</c> is <c>"a12"</c>. Operators Nunjucks emits as calls or in parentheses (inline
/// <c>if</c>, <c>in</c>, <c>is</c>, <c>//</c>, <c>**</c>, filters, groups) stay as parsed. Each chain
/// is regrouped here, once, after parsing.
/// </summary>
internal sealed partial class NunjucksExpressionParser
{
    /// <summary>An operand, or a prefix or infix operator, of a flattened chain.</summary>
    private readonly record struct ChainItem(Expression? Operand, BinaryOperator Binary, UnaryOperator Unary, SourceSpan OperatorSpan);

    private static bool IsChainOperator(BinaryOperator op) => op is BinaryOperator.Or or BinaryOperator.And
        or BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulus
        or BinaryOperator.Concat
        or BinaryOperator.CompareEqual or BinaryOperator.CompareNotEqual or BinaryOperator.StrictEqual or BinaryOperator.StrictNotEqual
        or BinaryOperator.CompareLess or BinaryOperator.CompareGreater or BinaryOperator.CompareLessOrEqual or BinaryOperator.CompareGreaterOrEqual;

    private static bool IsChain(Expression node) =>
        node is BinaryExpression binary && IsChainOperator(binary.Operator)
        || node is UnaryExpression { Operator: UnaryOperator.Not or UnaryOperator.Negate or UnaryOperator.Plus };

    /// <summary>JavaScript's binding power of an infix operator (higher binds tighter).</summary>
    private static int Precedence(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => 1,
        BinaryOperator.And => 2,
        BinaryOperator.CompareEqual or BinaryOperator.CompareNotEqual or BinaryOperator.StrictEqual or BinaryOperator.StrictNotEqual => 3,
        BinaryOperator.CompareLess or BinaryOperator.CompareGreater or BinaryOperator.CompareLessOrEqual or BinaryOperator.CompareGreaterOrEqual => 4,
        BinaryOperator.Add or BinaryOperator.Subtract => 5,
        _ => 6,
    };

    /// <summary>Regroups the operator chain rooted at <paramref name="node"/> as JavaScript reads Nunjucks' output.</summary>
    private Expression AsJavaScript(Expression node)
    {
        if (!IsChain(node))
        {
            return node;
        }

        var items = new List<ChainItem>();
        Flatten(node, items);
        var index = 0;
        var result = Regroup(items, ref index, 0, out var height);
        _heights[result] = height;
        return result;
    }

    private static void Flatten(Expression node, List<ChainItem> items)
    {
        switch (node)
        {
            case BinaryExpression { Operator: BinaryOperator.Concat } concat:
                // `a ~ b` is emitted as `a + "" + b`.
                Flatten(concat.Left, items);
                items.Add(new ChainItem(null, BinaryOperator.Add, UnaryOperator.None, concat.OperatorSpan));
                items.Add(new ChainItem(new LiteralExpression(string.Empty) { Span = concat.OperatorSpan }, BinaryOperator.None, UnaryOperator.None, default));
                items.Add(new ChainItem(null, BinaryOperator.Add, UnaryOperator.None, concat.OperatorSpan));
                Flatten(concat.Right, items);
                break;
            case BinaryExpression binary when IsChainOperator(binary.Operator):
                Flatten(binary.Left, items);
                items.Add(new ChainItem(null, binary.Operator, UnaryOperator.None, binary.OperatorSpan));
                Flatten(binary.Right, items);
                break;
            case UnaryExpression unary when IsChain(unary):
                items.Add(new ChainItem(null, BinaryOperator.None, unary.Operator, new SourceSpan(unary.Span.FileName, unary.Span.Start, unary.Span.Start)));
                Flatten(unary.Operand, items);
                break;
            default:
                items.Add(new ChainItem(node, BinaryOperator.None, UnaryOperator.None, default));
                break;
        }
    }

    /// <summary>Precedence climbing over the flattened chain; every operator is left-associative.</summary>
    private Expression Regroup(List<ChainItem> items, ref int index, int minimum, out int height)
    {
        var left = RegroupPrefix(items, ref index, out height);
        while (index < items.Count && items[index].Binary != BinaryOperator.None && Precedence(items[index].Binary) >= minimum)
        {
            var op = items[index++];
            var right = Regroup(items, ref index, Precedence(op.Binary) + 1, out var rightHeight);
            height = CheckHeight(Math.Max(height, rightHeight) + 1, op.OperatorSpan);
            left = new BinaryExpression(left, op.Binary, op.OperatorSpan)
            {
                Right = right,
                Span = new SourceSpan(_name, left.Span.Start, right.Span.End),
            };
        }

        return left;
    }

    private Expression RegroupPrefix(List<ChainItem> items, ref int index, out int height)
    {
        var item = items[index++];
        if (item.Operand is { } operand)
        {
            height = _heights.GetValueOrDefault(operand, 1);
            return operand;
        }

        var target = RegroupPrefix(items, ref index, out height);
        height = CheckHeight(height + 1, item.OperatorSpan);
        return new UnaryExpression(item.Unary)
        {
            Operand = target,
            Span = new SourceSpan(_name, item.OperatorSpan.Start, target.Span.End),
        };
    }

    private int CheckHeight(int height, SourceSpan at) => height <= _maxDepth
        ? height
        : throw new NunjucksSyntaxException(at.Start, $"The expression is nested too deeply (more than {_maxDepth} levels)");
}
