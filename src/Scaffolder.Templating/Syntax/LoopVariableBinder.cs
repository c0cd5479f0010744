namespace Scaffolder.Templating.Syntax;

/// <summary>
/// Marks the reads of a <c>for</c> loop's variable inside its body with how many loops out the
/// variable lives, so the runtime reads it from the loop's slot instead of searching every scope.
/// </summary>
/// <remarks>
/// Only reads that normal lookup resolves to the loop are marked. Lookup checks loop stores before
/// the store of their frame, so assignments cannot shadow a loop variable; what can is a new frame
/// (<c>with</c>, function bodies, wrapped blocks, which are therefore not entered) or an inner loop
/// with the same variable (whose subtree is left alone). The runtime adds its own guards for frames
/// that only exist dynamically (see <c>RenderContext.GetVariable</c>).
/// </remarks>
internal static class LoopVariableBinder
{
    private readonly record struct Binding(string Name, int Depth);

    public static void Bind(Statement root) => Visit(root, []);

    private static void Visit(Node? node, List<string> loops)
    {
        switch (node)
        {
            case null:
                return;
            case VariableExpression variable:
                if (!variable.IsLocal)
                {
                    // The innermost loop with this name decides; Depth counts the loops inside it.
                    for (var i = loops.Count - 1; i >= 0; i--)
                    {
                        if (NameTable.Same(loops[i], variable.Name))
                        {
                            variable.LoopDepth = loops.Count - 1 - i;
                            break;
                        }
                    }
                }

                return;
            case ForStatement loop:
                Visit(loop.Variable is VariableExpression ? null : loop.Variable, loops);
                Visit(loop.Iterator, loops);
                foreach (var option in loop.Options)
                {
                    Visit(option, loops);
                }

                Visit(loop.Else, loops);
                if (loop.Variable is VariableExpression { IsLocal: false } loopVariable)
                {
                    // Every loop with a plain variable publishes its slot at run time, so depths count them all.
                    loops.Add(loopVariable.Name);
                    Visit(loop.Body, loops);
                    loops.RemoveAt(loops.Count - 1);
                }
                else
                {
                    Visit(loop.Body, []);
                }

                return;
            case FunctionStatement or AnonymousFunctionExpression or WithStatement or WrapStatement:
                // New frames: names inside may resolve elsewhere. Their own loops still bind.
                foreach (var child in Children(node))
                {
                    Visit(child, []);
                }

                return;
            default:
                foreach (var child in Children(node))
                {
                    Visit(child, loops);
                }

                return;
        }
    }

    private static IEnumerable<Node?> Children(Node node)
    {
        switch (node)
        {
            case BlockStatement block:
                return block.Statements;
            case ExpressionStatement statement:
                return [statement.Expression];
            case IfStatement statement:
                return [statement.Condition, statement.Then, statement.Else];
            case ElseStatement statement:
                return [statement.Body];
            case CaseStatement statement:
                return [statement.Value, statement.Body];
            case WhenStatement statement:
                return [.. statement.Values, statement.Body, statement.Next];
            case WhileStatement statement:
                return [statement.Condition, statement.Body];
            case CaptureStatement statement:
                return [statement.Target, statement.Body];
            case FunctionStatement statement:
                return [statement.Body];
            case ReturnStatement statement:
                return [statement.Expression];
            case WithStatement statement:
                return [statement.Target, statement.Body];
            case WrapStatement statement:
                return [statement.Target, statement.Body];
            case ImportStatement statement:
                return [statement.Expression];
            case MemberExpression expression:
                // The member name is a name, not a read.
                return [expression.Target];
            case IsEmptyExpression expression:
                return [expression.Target];
            case IndexerExpression expression:
                return [expression.Target, expression.Index];
            case BinaryExpression expression:
                return [expression.Left, expression.Right];
            case UnaryExpression expression:
                return [expression.Operand];
            case IncrementDecrementExpression expression:
                return [expression.Target];
            case ConditionalExpression expression:
                return [expression.Condition, expression.Then, expression.Otherwise];
            case AssignExpression expression:
                return [expression.Target, expression.Value];
            case FunctionCallExpression expression:
                return [expression.Target, .. expression.Arguments];
            case NamedArgumentExpression expression:
                return [expression.Value];
            case PipeExpression expression:
                return [expression.From, expression.To];
            case NestedExpression expression:
                return [expression.Inner];
            case ArrayInitializerExpression expression:
                return expression.Items;
            case ObjectInitializerExpression expression:
                return expression.Members.Select(member => (Node?)member.Value);
            case InterpolatedStringExpression expression:
                return expression.Parts;
            case InterpolatedExpression expression:
                return [expression.Inner];
            case AnonymousFunctionExpression expression:
                return [expression.Function];
            default:
                // Literals, raw text, this, break/continue, readonly, end, escapes: nothing to bind.
                return [];
        }
    }
}
