using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Runtime.JavaScript;

/// <summary>
/// JavaScript's operators and truthiness, as Nunjucks compiles expressions straight to JavaScript:
/// <c>+</c> concatenates when either side is text, <c>==</c> converts, <c>===</c> does not,
/// <c>and</c>/<c>or</c> yield operands, <c>in</c> searches lists, strings and object keys.
/// </summary>
internal sealed class JavaScriptRules : IDialectRules
{
    public static readonly JavaScriptRules Instance = new();

    private JavaScriptRules()
    {
    }

    public bool IsTruthy(object value) => JsValues.IsTruthy(value);

    public object? Binary(RenderContext context, BinaryExpression node, object? left, object? right)
    {
        switch (node.Operator)
        {
            case BinaryOperator.Add:
                return Add(context, node, left, right);
            case BinaryOperator.Concat:
                return Concatenate(context, node, JsValues.ToJsString(left), JsValues.ToJsString(right));
            case BinaryOperator.Subtract:
                return JsValues.ToNumber(left) - JsValues.ToNumber(right);
            case BinaryOperator.Multiply:
                return JsValues.ToNumber(left) * JsValues.ToNumber(right);
            case BinaryOperator.Divide:
                return JsValues.ToNumber(left) / JsValues.ToNumber(right);
            case BinaryOperator.FloorDivide:
                return Math.Floor(JsValues.ToNumber(left) / JsValues.ToNumber(right));
            case BinaryOperator.Modulus:
                // JavaScript's % keeps the dividend's sign, as C#'s does.
                return JsValues.ToNumber(left) % JsValues.ToNumber(right);
            case BinaryOperator.Power:
                return Math.Pow(JsValues.ToNumber(left), JsValues.ToNumber(right));
            case BinaryOperator.CompareEqual:
                return Box.Bool(JsValues.LooseEquals(left, right));
            case BinaryOperator.CompareNotEqual:
                return Box.Bool(!JsValues.LooseEquals(left, right));
            case BinaryOperator.StrictEqual:
                return Box.Bool(JsValues.StrictEquals(left, right));
            case BinaryOperator.StrictNotEqual:
                return Box.Bool(!JsValues.StrictEquals(left, right));
            case BinaryOperator.CompareLess:
                return Box.Bool(JsValues.Compare(left, right, static c => c < 0));
            case BinaryOperator.CompareLessOrEqual:
                return Box.Bool(JsValues.Compare(left, right, static c => c <= 0));
            case BinaryOperator.CompareGreater:
                return Box.Bool(JsValues.Compare(left, right, static c => c > 0));
            case BinaryOperator.CompareGreaterOrEqual:
                return Box.Bool(JsValues.Compare(left, right, static c => c >= 0));
            case BinaryOperator.In:
                return Box.Bool(In(node, left, right));
            default:
                throw new TemplateRuntimeException(node.OperatorSpan, $"Operator `{node.Operator.ToText()}` is not supported");
        }
    }

    public object? Unary(RenderContext context, UnaryExpression node, object? operand) => node.Operator switch
    {
        UnaryOperator.Not => Box.Bool(!JsValues.IsTruthy(operand)),
        UnaryOperator.Negate => -JsValues.ToNumber(operand),
        UnaryOperator.Plus => JsValues.ToNumber(operand),
        _ => throw new TemplateRuntimeException(node.Span, $"Operator `{node.Operator.ToText()}` is not supported"),
    };

    public bool TryGetIntrinsicMember(object target, string name, out object? value) =>
        JsIntrinsics.TryGetMember(target, name, out value);

    private static object Add(RenderContext context, BinaryExpression node, object? left, object? right)
    {
        var leftPrimitive = JsValues.ToPrimitive(left);
        var rightPrimitive = JsValues.ToPrimitive(right);
        if (leftPrimitive is string || rightPrimitive is string)
        {
            return Concatenate(context, node, JsValues.ToJsString(leftPrimitive), JsValues.ToJsString(rightPrimitive));
        }

        return JsValues.ToNumber(leftPrimitive) + JsValues.ToNumber(rightPrimitive);
    }

    private static string Concatenate(RenderContext context, BinaryExpression node, string left, string right)
    {
        context.CheckSize(node.OperatorSpan, (long)left.Length + right.Length);
        return string.Concat(left, right);
    }

    /// <summary>Nunjucks' <c>in</c>: an item of a list (strict equality), a substring, or a key of an object.</summary>
    private static bool In(BinaryExpression node, object? key, object? container)
    {
        if (container is string text)
        {
            return text.Contains(JsValues.ToJsString(key), StringComparison.Ordinal);
        }

        if (JsValues.IsArray(container))
        {
            foreach (var item in ObjectAccess.Enumerate(container!))
            {
                if (JsValues.StrictEquals(item, key))
                {
                    return true;
                }
            }

            return false;
        }

        if (JsValues.IsObject(container))
        {
            return ObjectAccess.HasMember(container!, JsValues.ToJsString(key));
        }

        throw new TemplateRuntimeException(node.OperatorSpan, $"Cannot use \"in\" operator to search for \"{JsValues.ToJsString(key)}\" in unexpected types.");
    }
}
