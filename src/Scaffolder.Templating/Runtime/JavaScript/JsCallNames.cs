using System.Text;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Runtime.JavaScript;

/// <summary>
/// The name Nunjucks gives a callee in its call errors: <c>values["repo"]["split"]</c> for
/// <c>values.repo.split</c>, <c>the return value of (f)</c> for <c>f()</c>, and
/// <c>--expression--</c> for anything else.
/// </summary>
internal static class JsCallNames
{
    public static string Of(Expression callee)
    {
        var builder = new StringBuilder();
        Append(builder, callee, 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Expression node, int depth)
    {
        if (depth > 64)
        {
            builder.Append("--expression--");
            return;
        }

        switch (node)
        {
            case VariableExpression variable:
                builder.Append(variable.Name);
                break;
            case MemberExpression member:
                Append(builder, member.Target, depth + 1);
                builder.Append("[\"").Append(member.Member.Name).Append("\"]");
                break;
            case IndexerExpression indexer:
                Append(builder, indexer.Target, depth + 1);
                builder.Append("[\"");
                Append(builder, indexer.Index, depth + 1);
                builder.Append("\"]");
                break;
            case FunctionCallExpression call:
                builder.Append("the return value of (");
                Append(builder, call.Target, depth + 1);
                builder.Append(')');
                break;
            case LiteralExpression literal:
                builder.Append(JsValues.ToJsString(literal.Value));
                break;
            default:
                builder.Append("--expression--");
                break;
        }
    }
}
