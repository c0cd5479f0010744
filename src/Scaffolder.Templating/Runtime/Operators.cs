using System.Numerics;
using System.Text;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Runtime;

/// <summary>Binary and unary operators with Scriban's type rules.</summary>
internal static class Operators
{
    private const int MaxShift = 1024 * 1024;

    public static bool IsPrimitive(object value) =>
        value is bool or int or long or double or float or decimal or BigInteger or byte or sbyte or short or ushort or uint or ulong or char;

    private static bool IsNumber(object value) =>
        value is int or long or double or float or decimal or BigInteger or byte or sbyte or short or ushort or uint or ulong;

    public static object? Unary(RenderContext context, SourceSpan span, UnaryOperator op, object? value)
    {
        switch (op)
        {
            case UnaryOperator.Not:
                return Box.Bool(!context.ToBool(value));
            case UnaryOperator.Negate:
            case UnaryOperator.Plus:
                var negate = op == UnaryOperator.Negate;
                switch (value)
                {
                    case int i:
                        return negate ? Box.Int(unchecked(-i)) : value;
                    case double d:
                        return negate ? -d : value;
                    case float f:
                        return negate ? -f : value;
                    case long l:
                        return negate ? FitInteger(-(BigInteger)l) : value;
                    case decimal m:
                        return negate ? -m : value;
                    case BigInteger big:
                        return negate ? FitInteger(-big) : value;
                    case null:
                        break;
                    default:
                        throw new TemplateRuntimeException(span, $"Unexpected value `{context.ToText(value)} / Type: {RenderContext.TypeName(value)}`. Cannot negate(-)/positive(+) a non-numeric value");
                }

                break;
            case UnaryOperator.FunctionParametersExpand:
                return value;
        }

        throw new TemplateRuntimeException(span, $"Operator `{op.ToText()}` is not supported");
    }

    public static object? Binary(RenderContext context, SourceSpan span, BinaryOperator op, SourceSpan leftSpan, object? left, SourceSpan rightSpan, object? right)
    {
        switch (op)
        {
            case BinaryOperator.EmptyCoalescing:
                return left ?? right;
            case BinaryOperator.NotEmptyCoalescing:
                return left is not null ? right : null;
            case BinaryOperator.And:
                return Box.Bool(context.ToBool(left) && context.ToBool(right));
            case BinaryOperator.Or:
                return Box.Bool(context.ToBool(left) || context.ToBool(right));
        }

        // Fast path for the commonest case: two ints.
        if (left is int li && right is int ri)
        {
            return IntegerOperation(context, span, op, li, ri);
        }

        try
        {
            if (left is string || right is string)
            {
                return StringOperation(context, span, op, leftSpan, left, rightSpan, right);
            }

            if (left is null || right is null)
            {
                return NullOperation(op, left, right);
            }

            if (left == EmptyObject.Instance || right == EmptyObject.Instance)
            {
                return EmptyOperation(context, span, op, left, right);
            }

            if (ObjectAccess.IsList(left) || ObjectAccess.IsList(right))
            {
                return ListOperation(context, span, op, leftSpan, left, rightSpan, right);
            }

            return OtherOperation(context, span, op, left, right);
        }
        catch (Exception ex) when (ex is not TemplateRuntimeException and not OperationCanceledException)
        {
            throw new TemplateRuntimeException(span, ex.Message, ex);
        }
    }

    private static object StringOperation(RenderContext context, SourceSpan span, BinaryOperator op, SourceSpan leftSpan, object? left, SourceSpan rightSpan, object? right)
    {
        switch (op)
        {
            case BinaryOperator.Add:
            {
                var text = (context.ToText(left) ?? string.Empty) + (context.ToText(right) ?? string.Empty);
                context.CheckSize(span, text.Length);
                return text;
            }

            case BinaryOperator.Multiply:
            {
                var multiplierSpan = rightSpan;
                if (right is string)
                {
                    (left, right) = (right, left);
                    multiplierSpan = leftSpan;
                }

                int count;
                try
                {
                    count = context.ToInt(span, right);
                }
                catch (TemplateRuntimeException)
                {
                    throw new TemplateRuntimeException(multiplierSpan, $"Expecting an integer. The operator `{op.ToText()}` is not supported for the expression. Only working on string x int or int x string");
                }

                var text = context.ToText(left) ?? string.Empty;
                if (count <= 0 || text.Length == 0)
                {
                    return string.Empty;
                }

                context.CheckSize(multiplierSpan, (long)text.Length * count);
                var builder = new StringBuilder(text.Length * count);
                for (var i = 0; i < count; i++)
                {
                    builder.Append(text);
                }

                return builder.ToString();
            }

            case BinaryOperator.CompareEqual:
                return Box.Bool(context.ToText(left) == context.ToText(right));
            case BinaryOperator.CompareNotEqual:
                return Box.Bool(context.ToText(left) != context.ToText(right));
            case BinaryOperator.CompareGreater:
                return Box.Bool(string.CompareOrdinal(context.ToText(left), context.ToText(right)) > 0);
            case BinaryOperator.CompareLess:
                return Box.Bool(string.CompareOrdinal(context.ToText(left), context.ToText(right)) < 0);
            case BinaryOperator.CompareGreaterOrEqual:
                return Box.Bool(string.CompareOrdinal(context.ToText(left), context.ToText(right)) >= 0);
            case BinaryOperator.CompareLessOrEqual:
                return Box.Bool(string.CompareOrdinal(context.ToText(left), context.ToText(right)) <= 0);
            default:
                throw new TemplateRuntimeException(span, $"Operator `{op.ToText()}` is not supported on string objects");
        }
    }

    private static object? NullOperation(BinaryOperator op, object? left, object? right)
    {
        var bothNull = left is null && right is null;
        return op switch
        {
            BinaryOperator.CompareEqual => Box.Bool(bothNull),
            BinaryOperator.CompareNotEqual => Box.Bool(!bothNull),
            BinaryOperator.CompareGreater or BinaryOperator.CompareLess
                or BinaryOperator.CompareGreaterOrEqual or BinaryOperator.CompareLessOrEqual => Box.False,
            _ => null,
        };
    }

    private static object? EmptyOperation(RenderContext context, SourceSpan span, BinaryOperator op, object left, object right)
    {
        var leftEmpty = left == EmptyObject.Instance;
        var rightEmpty = right == EmptyObject.Instance;
        if (leftEmpty && rightEmpty)
        {
            return op switch
            {
                BinaryOperator.CompareEqual or BinaryOperator.CompareGreaterOrEqual or BinaryOperator.CompareLessOrEqual => Box.True,
                BinaryOperator.CompareNotEqual or BinaryOperator.CompareGreater or BinaryOperator.CompareLess => Box.False,
                _ => EmptyObject.Instance,
            };
        }

        var isEmpty = context.IsEmpty(leftEmpty ? right : left);
        return op switch
        {
            BinaryOperator.CompareEqual => isEmpty,
            BinaryOperator.CompareNotEqual => isEmpty is bool flag ? Box.Bool(!flag) : isEmpty,
            BinaryOperator.CompareGreater or BinaryOperator.CompareLess => Box.False,
            BinaryOperator.CompareGreaterOrEqual or BinaryOperator.CompareLessOrEqual => isEmpty,
            BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide
                or BinaryOperator.DivideRound or BinaryOperator.Modulus or BinaryOperator.RangeInclude or BinaryOperator.RangeExclude => EmptyObject.Instance,
            _ => throw new TemplateRuntimeException(span, $"Operator `{op.ToText()}` is not implemented for `{(leftEmpty ? "empty" : context.ToText(left))}` / `{(rightEmpty ? "empty" : context.ToText(right))}`"),
        };
    }

    private static List<object?>? AsList(object value) =>
        ObjectAccess.IsList(value) || (value is not string && ObjectAccess.IsIterable(value) && !IsPrimitive(value))
            ? [.. ObjectAccess.Enumerate(value)]
            : null;

    private static object ListOperation(RenderContext context, SourceSpan span, BinaryOperator op, SourceSpan leftSpan, object left, SourceSpan rightSpan, object right)
    {
        var leftList = AsList(left);
        var rightList = AsList(right);
        var errorSpan = span;
        string? reason = null;
        var factor = 0;
        var factorSpan = leftSpan;
        switch (op)
        {
            case BinaryOperator.CompareEqual or BinaryOperator.CompareNotEqual or BinaryOperator.CompareLessOrEqual
                or BinaryOperator.CompareGreaterOrEqual or BinaryOperator.CompareLess or BinaryOperator.CompareGreater or BinaryOperator.Add:
                if (leftList is null)
                {
                    errorSpan = leftSpan;
                    reason = " Expecting an array for the left argument.";
                }

                if (rightList is null)
                {
                    errorSpan = rightSpan;
                    reason = " Expecting an array for the right argument.";
                }

                break;
            case BinaryOperator.Multiply:
                if ((leftList is null) == (rightList is null))
                {
                    reason = " Expecting only one array for the left or right argument.";
                }
                else
                {
                    factor = context.ToInt(span, leftList is null ? left : right);
                    if (rightList is null)
                    {
                        factorSpan = rightSpan;
                    }
                }

                break;
            case BinaryOperator.Divide or BinaryOperator.DivideRound or BinaryOperator.Modulus:
                if (leftList is null)
                {
                    errorSpan = leftSpan;
                    reason = " Expecting an array for the left argument.";
                }
                else
                {
                    factor = context.ToInt(span, right);
                    factorSpan = rightSpan;
                }

                break;
            case BinaryOperator.ShiftLeft:
                if (leftList is null)
                {
                    errorSpan = leftSpan;
                    reason = " Expecting an array for the left argument.";
                }

                break;
            case BinaryOperator.ShiftRight:
                if (rightList is null)
                {
                    errorSpan = rightSpan;
                    reason = " Expecting an array for the right argument.";
                }

                break;
            default:
                reason = string.Empty;
                break;
        }

        if (factor < 0)
        {
            errorSpan = factorSpan;
            reason = $" Integer {factor} cannot be negative when multiplying";
        }

        if (reason is not null)
        {
            throw new TemplateRuntimeException(errorSpan, $"The operator `{op.ToText()}` is not supported between {RenderContext.TypeName(left)} and {RenderContext.TypeName(right)}.{reason}");
        }

        switch (op)
        {
            case BinaryOperator.Add:
                context.CheckSize(span, (long)leftList!.Count + rightList!.Count);
                return new TemplateArray(leftList.Concat(rightList));
            case BinaryOperator.Multiply:
            {
                var list = leftList ?? rightList!;
                context.CheckSize(span, (long)list.Count * factor);
                var result = new TemplateArray(list.Count * factor);
                for (var i = 0; i < factor; i++)
                {
                    result.AddRange(list);
                }

                return result;
            }

            case BinaryOperator.Divide or BinaryOperator.DivideRound:
            {
                if (factor == 0)
                {
                    throw new TemplateRuntimeException(factorSpan, "Cannot divide by 0");
                }

                return new TemplateArray(leftList!.Take(leftList!.Count / factor));
            }

            case BinaryOperator.Modulus:
            {
                if (factor == 0)
                {
                    throw new TemplateRuntimeException(factorSpan, "Cannot divide by 0");
                }

                var result = new TemplateArray();
                for (var i = 0; i < leftList!.Count; i += factor)
                {
                    result.Add(leftList[i]);
                }

                return result;
            }

            case BinaryOperator.ShiftLeft:
            {
                var result = new TemplateArray(leftList!);
                result.Add(right);
                return result;
            }

            case BinaryOperator.ShiftRight:
            {
                var result = new TemplateArray(rightList!);
                result.Insert(0, left);
                return result;
            }

            default:
                return CompareLists(context, span, op, leftList!, rightList!);
        }
    }

    private static object CompareLists(RenderContext context, SourceSpan span, BinaryOperator op, List<object?> left, List<object?> right)
    {
        var compare = left.Count.CompareTo(right.Count);
        switch (op)
        {
            case BinaryOperator.CompareEqual:
                if (compare != 0)
                {
                    return Box.False;
                }

                break;
            case BinaryOperator.CompareNotEqual:
                if (compare != 0)
                {
                    return Box.True;
                }

                if (left.Count == 0)
                {
                    return Box.False;
                }

                break;
            case BinaryOperator.CompareLessOrEqual or BinaryOperator.CompareLess:
                if (compare != 0)
                {
                    return Box.Bool(compare < 0);
                }

                if (left.Count == 0 && op == BinaryOperator.CompareLess)
                {
                    return Box.False;
                }

                break;
            default:
                if (compare != 0)
                {
                    return Box.Bool(compare > 0);
                }

                if (left.Count == 0 && op == BinaryOperator.CompareGreater)
                {
                    return Box.False;
                }

                break;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (Binary(context, span, op, span, left[i], span, right[i]) is not true)
            {
                return Box.False;
            }
        }

        return Box.True;
    }

    private static object? OtherOperation(RenderContext context, SourceSpan span, BinaryOperator op, object left, object right)
    {
        if (left is decimal || right is decimal)
        {
            if (IsNumber(left) || left is bool)
            {
                if (IsNumber(right) || right is bool)
                {
                    return DecimalOperation(span, op, ToDecimal(left), ToDecimal(right));
                }
            }
        }
        else if (left is double || right is double)
        {
            if ((IsNumber(left) || left is bool) && (IsNumber(right) || right is bool))
            {
                return DoubleOperation(span, op, ToDouble(left), ToDouble(right));
            }
        }
        else if (left is float || right is float)
        {
            if ((IsNumber(left) || left is bool) && (IsNumber(right) || right is bool))
            {
                return FloatOperation(span, op, (float)ToDouble(left), (float)ToDouble(right));
            }
        }
        else if (IsNumber(left) && (IsNumber(right) || right is bool) || (left is bool && IsNumber(right)))
        {
            if (left is int l && (right is int or bool))
            {
                return IntegerOperation(context, span, op, l, right is int r ? r : ((bool)right ? 1 : 0));
            }

            if (right is int ri && left is bool lb)
            {
                return IntegerOperation(context, span, op, lb ? 1 : 0, ri);
            }

            return BigIntegerOperation(context, span, op, ToBigInteger(left), ToBigInteger(right));
        }

        if (left is bool leftBool && right is bool rightBool)
        {
            return op switch
            {
                BinaryOperator.CompareEqual => Box.Bool(leftBool == rightBool),
                BinaryOperator.CompareNotEqual => Box.Bool(leftBool != rightBool),
                _ => throw new TemplateRuntimeException(span, $"The operator `{op.ToText()}` is not valid for bool<->bool"),
            };
        }

        if (left is DateTime leftDate)
        {
            if (right is DateTime rightDate)
            {
                return op switch
                {
                    BinaryOperator.Subtract => leftDate - rightDate,
                    BinaryOperator.CompareEqual => Box.Bool(leftDate == rightDate),
                    BinaryOperator.CompareNotEqual => Box.Bool(leftDate != rightDate),
                    BinaryOperator.CompareLess => Box.Bool(leftDate < rightDate),
                    BinaryOperator.CompareLessOrEqual => Box.Bool(leftDate <= rightDate),
                    BinaryOperator.CompareGreater => Box.Bool(leftDate > rightDate),
                    BinaryOperator.CompareGreaterOrEqual => Box.Bool(leftDate >= rightDate),
                    _ => throw new TemplateRuntimeException(span, $"The operator `{op}` is not supported for DateTime"),
                };
            }

            if (right is TimeSpan offset)
            {
                return op == BinaryOperator.Add
                    ? leftDate + offset
                    : throw new TemplateRuntimeException(span, $"The operator `{op}` is not supported for between <DateTime> and <TimeSpan>");
            }
        }

        if (left is TimeSpan leftSpan && right is TimeSpan rightSpan)
        {
            return op switch
            {
                BinaryOperator.Add => leftSpan + rightSpan,
                BinaryOperator.Subtract => leftSpan - rightSpan,
                BinaryOperator.CompareEqual => Box.Bool(leftSpan == rightSpan),
                BinaryOperator.CompareNotEqual => Box.Bool(leftSpan != rightSpan),
                BinaryOperator.CompareLess => Box.Bool(leftSpan < rightSpan),
                BinaryOperator.CompareLessOrEqual => Box.Bool(leftSpan <= rightSpan),
                BinaryOperator.CompareGreater => Box.Bool(leftSpan > rightSpan),
                BinaryOperator.CompareGreaterOrEqual => Box.Bool(leftSpan >= rightSpan),
                _ => throw new TemplateRuntimeException(span, $"The operator `{op.ToText()}` is not supported for TimeSpan"),
            };
        }

        return op switch
        {
            BinaryOperator.CompareEqual => Box.Bool(left.Equals(right)),
            BinaryOperator.CompareNotEqual => Box.Bool(!left.Equals(right)),
            _ => throw new TemplateRuntimeException(span, $"Unsupported types `{context.ToText(left)}/{RenderContext.TypeName(left)}` {op.ToText()} `{context.ToText(right)}/{RenderContext.TypeName(right)}` for binary operation"),
        };
    }

    private static double ToDouble(object value) => value switch
    {
        double d => d,
        int i => i,
        long l => l,
        float f => f,
        BigInteger big => (double)big,
        bool b => b ? 1 : 0,
        _ => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static decimal ToDecimal(object value) => value switch
    {
        decimal m => m,
        int i => i,
        long l => l,
        BigInteger big => (decimal)big,
        bool b => b ? 1 : 0,
        _ => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static BigInteger ToBigInteger(object value) => value switch
    {
        BigInteger big => big,
        int i => i,
        long l => l,
        bool b => b ? BigInteger.One : BigInteger.Zero,
        ulong ul => ul,
        _ => new BigInteger(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    /// <summary>Narrows an integer result back to int or long when it fits.</summary>
    public static object FitInteger(BigInteger value)
    {
        if (value >= int.MinValue && value <= int.MaxValue)
        {
            return Box.Int((int)value);
        }

        return value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;
    }

    private static object FitInteger(long value) =>
        value is >= int.MinValue and <= int.MaxValue ? Box.Int((int)value) : value;

    private static object IntegerOperation(RenderContext context, SourceSpan span, BinaryOperator op, int leftInt, int rightInt)
    {
        long left = leftInt;
        long right = rightInt;
        switch (op)
        {
            case BinaryOperator.Add:
                return FitInteger(left + right);
            case BinaryOperator.Subtract:
                return FitInteger(left - right);
            case BinaryOperator.Multiply:
                return FitInteger(left * right);
            case BinaryOperator.Divide:
                return (double)left / right;
            case BinaryOperator.DivideRound:
                return right == 0 ? throw new TemplateRuntimeException(span, "Attempted to divide by zero.") : FitInteger(left / right);
            case BinaryOperator.Modulus:
                return right == 0 ? throw new TemplateRuntimeException(span, "Attempted to divide by zero.") : FitInteger(left % right);
            case BinaryOperator.ShiftLeft:
                return FitInteger((BigInteger)left << ValidateShift(span, right));
            case BinaryOperator.ShiftRight:
                return FitInteger((BigInteger)left >> ValidateShift(span, right));
            case BinaryOperator.CompareEqual:
                return Box.Bool(left == right);
            case BinaryOperator.CompareNotEqual:
                return Box.Bool(left != right);
            case BinaryOperator.CompareGreater:
                return Box.Bool(left > right);
            case BinaryOperator.CompareLess:
                return Box.Bool(left < right);
            case BinaryOperator.CompareGreaterOrEqual:
                return Box.Bool(left >= right);
            case BinaryOperator.CompareLessOrEqual:
                return Box.Bool(left <= right);
            case BinaryOperator.RangeInclude:
                return Range(context, span, left, right, inclusive: true);
            case BinaryOperator.RangeExclude:
                return Range(context, span, left, right, inclusive: false);
            default:
                throw new TemplateRuntimeException(span, $"The operator `{op.ToText()}` is not implemented for long<->long");
        }
    }

    private static object BigIntegerOperation(RenderContext context, SourceSpan span, BinaryOperator op, BigInteger left, BigInteger right)
    {
        switch (op)
        {
            case BinaryOperator.Add:
                return FitInteger(left + right);
            case BinaryOperator.Subtract:
                return FitInteger(left - right);
            case BinaryOperator.Multiply:
                var product = left * right;
                context.CheckSize(span, (long)(product.GetBitLength() / 3));
                return FitInteger(product);
            case BinaryOperator.Divide:
                return (double)left / (double)right;
            case BinaryOperator.DivideRound:
                return right.IsZero ? throw new TemplateRuntimeException(span, "Attempted to divide by zero.") : FitInteger(left / right);
            case BinaryOperator.Modulus:
                return right.IsZero ? throw new TemplateRuntimeException(span, "Attempted to divide by zero.") : FitInteger(left % right);
            case BinaryOperator.ShiftLeft:
                return FitInteger(left << ValidateShift(span, right));
            case BinaryOperator.ShiftRight:
                return FitInteger(left >> ValidateShift(span, right));
            case BinaryOperator.CompareEqual:
                return Box.Bool(left == right);
            case BinaryOperator.CompareNotEqual:
                return Box.Bool(left != right);
            case BinaryOperator.CompareGreater:
                return Box.Bool(left > right);
            case BinaryOperator.CompareLess:
                return Box.Bool(left < right);
            case BinaryOperator.CompareGreaterOrEqual:
                return Box.Bool(left >= right);
            case BinaryOperator.CompareLessOrEqual:
                return Box.Bool(left <= right);
            case BinaryOperator.RangeInclude:
                return Range(context, span, left, right, inclusive: true);
            case BinaryOperator.RangeExclude:
                return Range(context, span, left, right, inclusive: false);
            default:
                throw new TemplateRuntimeException(span, $"The operator `{op.ToText()}` is not implemented for long<->long");
        }
    }

    private static int ValidateShift(SourceSpan span, BigInteger shift)
    {
        if (BigInteger.Abs(shift) > MaxShift)
        {
            throw new TemplateRuntimeException(span, $"Shift amount `{shift}` exceeds maximum supported magnitude `{MaxShift}`.");
        }

        return (int)shift;
    }

    private static TemplateRange Range(RenderContext context, SourceSpan span, BigInteger left, BigInteger right, bool inclusive)
    {
        var limit = context.Settings.LoopLimit;
        var size = BigInteger.Abs(right - left) + (inclusive ? 1 : 0);
        if (limit > 0 && size > limit)
        {
            throw new TemplateLimitExceededException(span, $"Range expression exceeds LoopLimit `{limit}`.");
        }

        context.CheckSize(span, (long)size);
        return new TemplateRange(RangeItems(left, right, inclusive));
    }

    private static IEnumerable<object?> RangeItems(BigInteger left, BigInteger right, bool inclusive)
    {
        if (left < right)
        {
            for (var i = left; inclusive ? i <= right : i < right; i++)
            {
                yield return FitInteger(i);
            }
        }
        else
        {
            for (var i = left; inclusive ? i >= right : i > right; i--)
            {
                yield return FitInteger(i);
            }
        }
    }

    private static object DoubleOperation(SourceSpan span, BinaryOperator op, double left, double right) => op switch
    {
        BinaryOperator.Add => left + right,
        BinaryOperator.Subtract => left - right,
        BinaryOperator.Multiply => left * right,
        BinaryOperator.Divide => left / right,
        BinaryOperator.DivideRound => Math.Round(left / right),
        BinaryOperator.ShiftLeft => left * Math.Pow(2, right),
        BinaryOperator.ShiftRight => left / Math.Pow(2, right),
        BinaryOperator.Modulus => left % right,
        BinaryOperator.CompareEqual => Box.Bool(left == right),
        BinaryOperator.CompareNotEqual => Box.Bool(left != right),
        BinaryOperator.CompareGreater => Box.Bool(left > right),
        BinaryOperator.CompareLess => Box.Bool(left < right),
        BinaryOperator.CompareGreaterOrEqual => Box.Bool(left >= right),
        BinaryOperator.CompareLessOrEqual => Box.Bool(left <= right),
        _ => throw new TemplateRuntimeException(span, $"The operator `{op.ToText()}` is not implemented for double<->double"),
    };

    private static object FloatOperation(SourceSpan span, BinaryOperator op, float left, float right) => op switch
    {
        BinaryOperator.Add => left + right,
        BinaryOperator.Subtract => left - right,
        BinaryOperator.Multiply => left * right,
        BinaryOperator.Divide => left / right,
        BinaryOperator.DivideRound => (float)(int)(left / right),
        BinaryOperator.ShiftLeft => left * (float)Math.Pow(2, right),
        BinaryOperator.ShiftRight => left / (float)Math.Pow(2, right),
        BinaryOperator.Modulus => left % right,
        BinaryOperator.CompareEqual => Box.Bool(left == right),
        BinaryOperator.CompareNotEqual => Box.Bool(left != right),
        BinaryOperator.CompareGreater => Box.Bool(left > right),
        BinaryOperator.CompareLess => Box.Bool(left < right),
        BinaryOperator.CompareGreaterOrEqual => Box.Bool(left >= right),
        BinaryOperator.CompareLessOrEqual => Box.Bool(left <= right),
        _ => throw new TemplateRuntimeException(span, $"The operator `{op.ToText()}` is not implemented for float<->float"),
    };

    private static object DecimalOperation(SourceSpan span, BinaryOperator op, decimal left, decimal right) => op switch
    {
        BinaryOperator.Add => left + right,
        BinaryOperator.Subtract => left - right,
        BinaryOperator.Multiply => left * right,
        BinaryOperator.Divide => left / right,
        BinaryOperator.DivideRound => Math.Round(left / right),
        BinaryOperator.ShiftLeft => left * (decimal)Math.Pow(2, (double)right),
        BinaryOperator.ShiftRight => left / (decimal)Math.Pow(2, (double)right),
        BinaryOperator.Modulus => left % right,
        BinaryOperator.CompareEqual => Box.Bool(left == right),
        BinaryOperator.CompareNotEqual => Box.Bool(left != right),
        BinaryOperator.CompareGreater => Box.Bool(left > right),
        BinaryOperator.CompareLess => Box.Bool(left < right),
        BinaryOperator.CompareGreaterOrEqual => Box.Bool(left >= right),
        BinaryOperator.CompareLessOrEqual => Box.Bool(left <= right),
        _ => throw new TemplateRuntimeException(span, $"The operator `{op.ToText()}` is not implemented for decimal<->decimal"),
    };
}
