using System.Globalization;
using System.Numerics;
using System.Text;

namespace Scaffolder.Templating.Syntax;

/// <summary>
/// Prints syntax back as template code. Used in error messages (<c>Object `a.b` is null</c>), so it
/// follows Scriban's spacing for the common cases rather than reproducing the source byte for byte.
/// </summary>
internal static class SyntaxPrinter
{
    public static string Print(Node node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, Node? node)
    {
        switch (node)
        {
            case null:
                return;
            case LiteralExpression literal:
                WriteLiteral(builder, literal);
                return;
            case VariableExpression variable:
                builder.Append(variable.FullName);
                return;
            case MemberExpression member:
                Write(builder, member.Target);
                builder.Append(member.NullConditional ? "?." : ".");
                builder.Append(member.Member.Name);
                return;
            case IsEmptyExpression isEmpty:
                Write(builder, isEmpty.Target);
                builder.Append('.').Append(isEmpty.Member.Name).Append('?');
                return;
            case IndexerExpression indexer:
                Write(builder, indexer.Target);
                builder.Append('[');
                Write(builder, indexer.Index);
                builder.Append(']');
                return;
            case ThisExpression:
                builder.Append("this");
                return;
            case BinaryExpression binary:
                Write(builder, binary.Left);
                builder.Append(' ').Append(binary.Operator.ToText()).Append(' ');
                Write(builder, binary.Right);
                return;
            case UnaryExpression unary:
                builder.Append(unary.Operator.ToText());
                Write(builder, unary.Operand);
                return;
            case IncrementDecrementExpression step:
                if (!step.Postfix)
                {
                    builder.Append(step.Increment ? "++" : "--");
                }

                Write(builder, step.Target);
                if (step.Postfix)
                {
                    builder.Append(step.Increment ? "++" : "--");
                }

                return;
            case ConditionalExpression conditional:
                Write(builder, conditional.Condition);
                builder.Append(" ? ");
                Write(builder, conditional.Then);
                builder.Append(" : ");
                Write(builder, conditional.Otherwise);
                return;
            case AssignExpression assign:
                Write(builder, assign.Target);
                builder.Append(' ').Append(assign.CompoundOperator == BinaryOperator.None ? "=" : assign.CompoundOperator.ToText() + "=").Append(' ');
                Write(builder, assign.Value);
                return;
            case FunctionCallExpression call:
                Write(builder, call.Target);
                if (call.ExplicitCall)
                {
                    builder.Append('(');
                    WriteList(builder, call.Arguments, ", ");
                    builder.Append(')');
                }
                else
                {
                    foreach (var argument in call.Arguments)
                    {
                        builder.Append(' ');
                        Write(builder, argument);
                    }
                }

                return;
            case NamedArgumentExpression named:
                builder.Append(named.Name.FullName);
                if (named.Value is not null)
                {
                    builder.Append(": ");
                    Write(builder, named.Value);
                }

                return;
            case PipeExpression pipe:
                Write(builder, pipe.From);
                builder.Append(" | ");
                Write(builder, pipe.To);
                return;
            case NestedExpression nested:
                builder.Append('(');
                Write(builder, nested.Inner);
                builder.Append(')');
                return;
            case ArrayInitializerExpression array:
                builder.Append('[');
                WriteList(builder, array.Items, ", ");
                builder.Append(']');
                return;
            case ObjectInitializerExpression obj:
                builder.Append('{');
                for (var i = 0; i < obj.Members.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Write(builder, obj.Members[i].NameExpression);
                    builder.Append(": ");
                    Write(builder, obj.Members[i].Value);
                }

                builder.Append('}');
                return;
            case InterpolatedStringExpression interpolated:
                builder.Append("$\"");
                foreach (var part in interpolated.Parts)
                {
                    if (part is LiteralExpression { Value: string text })
                    {
                        builder.Append(Runtime.TextEscaping.Escape(text));
                    }
                    else
                    {
                        Write(builder, part);
                    }
                }

                builder.Append('"');
                return;
            case InterpolatedExpression inner:
                builder.Append('{');
                Write(builder, inner.Inner);
                builder.Append('}');
                return;
            case AnonymousFunctionExpression anonymous:
                Write(builder, anonymous.Function);
                return;
            case FunctionStatement function:
                builder.Append(function.IsAnonymous ? "do" : "func " + function.Name!.FullName);
                if (function.Parameters is not null)
                {
                    builder.Append('(').AppendJoin(", ", function.Parameters.Select(p => p.Name.Name + (p.IsVariadic ? "..." : string.Empty))).Append(')');
                }

                builder.Append("; ... ; end");
                return;
            case ExpressionStatement statement:
                Write(builder, statement.Expression);
                return;
            case ForStatement loop:
                builder.Append(loop.IsTableRow ? "tablerow " : "for ");
                Write(builder, loop.Variable);
                builder.Append(" in ");
                Write(builder, loop.Iterator);
                foreach (var option in loop.Options)
                {
                    builder.Append(' ');
                    Write(builder, option);
                }

                return;
            default:
                builder.Append(node.SyntaxName);
                return;
        }
    }

    private static void WriteList(StringBuilder builder, IReadOnlyList<Expression> items, string separator)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            Write(builder, items[i]);
        }
    }

    private static void WriteLiteral(StringBuilder builder, LiteralExpression literal)
    {
        switch (literal.Value)
        {
            case null:
                builder.Append("null");
                break;
            case string text when literal.Quote == '`':
                builder.Append('`').Append(text.Replace("`", "``", StringComparison.Ordinal)).Append('`');
                break;
            case string text:
                builder.Append(literal.Quote).Append(Runtime.TextEscaping.Escape(text)).Append(literal.Quote);
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case double number:
                builder.Append(WithDecimalPoint(number.ToString("R", CultureInfo.InvariantCulture)));
                break;
            case float number:
                builder.Append(WithDecimalPoint(number.ToString("R", CultureInfo.InvariantCulture))).Append('f');
                break;
            case decimal number:
                builder.Append(WithDecimalPoint(number.ToString(CultureInfo.InvariantCulture))).Append('m');
                break;
            case IFormattable formattable:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                builder.Append(literal.Value);
                break;
        }
    }

    private static string WithDecimalPoint(string number) =>
        number.Contains('.', StringComparison.Ordinal) || number.Contains('E', StringComparison.Ordinal) || number.Contains("Infinity", StringComparison.Ordinal) || number.Contains("NaN", StringComparison.Ordinal)
            ? number
            : number + ".0";
}
