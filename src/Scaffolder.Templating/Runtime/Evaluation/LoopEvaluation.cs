using System.Runtime.CompilerServices;
using Scaffolder.Templating.Runtime;

namespace Scaffolder.Templating.Syntax;

internal sealed partial class ForStatement
{
    internal override object? Execute(RenderContext context)
    {
        context.EnterLoop();
        try
        {
            return Run(context);
        }
        finally
        {
            context.ExitLoop();
            if (context.Flow != FlowState.Return)
            {
                context.Flow = FlowState.None;
            }
        }
    }

    private object? Run(RenderContext context)
    {
        var iterable = context.Evaluate(Iterator!);
        if (iterable is null)
        {
            return null;
        }

        if (!ObjectAccess.IsIterable(iterable))
        {
            throw new TemplateRuntimeException(Iterator!.Span, $"Unexpected type `{iterable.GetType()}` for iterator");
        }

        var columns = 1;
        var offset = 0;
        var limit = -1;
        var reversed = false;
        foreach (var option in Options)
        {
            switch (option.Name.Name)
            {
                case "offset":
                    offset = context.ToInt(option.Span, option.Value is null ? null : context.Evaluate(option.Value));
                    break;
                case "reversed":
                    reversed = true;
                    break;
                case "limit":
                    limit = context.ToInt(option.Span, option.Value is null ? null : context.Evaluate(option.Value));
                    break;
                case "cols" when IsTableRow:
                    columns = Math.Max(1, context.ToInt(option.Span, option.Value is null ? null : context.Evaluate(option.Value)));
                    break;
                default:
                    throw new TemplateRuntimeException(option.Span, $"Unsupported argument `{option.Name}` for statement: `{this}`");
            }
        }

        if (IsTableRow)
        {
            context.Write("<tr class=\"row1\">");
        }

        var state = context.RentLoopState(IsTableRow);
        context.SetLoopState(IsTableRow ? "tablerow" : "for", state);
        var (entered, result) = IndexedList.TryCreate(iterable) is { } list
            ? RunIndexed(context, state, list, offset, limit, reversed, columns)
            : RunEnumerated(context, state, iterable, offset, limit, reversed, columns);

        if (IsTableRow)
        {
            context.Write("</tr>");
            context.Write(context.Settings.NewLine);
        }

        if (!entered && Else is not null)
        {
            result = context.Execute(Else);
        }

        context.ReturnLoopState(state);
        return result;
    }

    /// <summary>Lists are walked by index: no enumerator, and <c>for.last</c> needs no look-ahead.</summary>
    private (bool Entered, object? Result) RunIndexed(RenderContext context, LoopState state, IndexedList list, int offset, int limit, bool reversed, int columns)
    {
        var available = Math.Max(0, list.Count - Math.Max(0, offset));
        var length = limit > 0 ? Math.Min(limit, available) : available;
        if (length == 0)
        {
            return (false, null);
        }

        var firstPosition = reversed ? list.Count - 1 : Math.Max(0, offset);
        var step = reversed ? -1 : 1;
        state.SetIndexed(list, firstPosition, reversed, length);
        var assign = new LoopVariableAssignment(context, Variable!);
        var publishes = LoopVariableAssignment.Publishes(Variable);
        if (publishes)
        {
            context.PushBoundLoop(assign.Store, assign.Slot);
        }

        object? result = null;
        try
        {
            for (var index = 0; index < length; index++)
            {
                context.StepLoop(this);
                var value = list[firstPosition + (step * index)];
                state.Index = index;
                assign.Set(value);
                result = IsTableRow ? RunTableRowItem(context, state, columns) : context.ExecuteBlock(Body!);
                if (!ContinueLoop(context))
                {
                    break;
                }
            }
        }
        finally
        {
            if (publishes)
            {
                context.PopBoundLoop();
            }
        }

        return (true, result);
    }

    // The rare shapes stay out of line so that the common loop keeps a small frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (bool Entered, object? Result) RunEnumerated(RenderContext context, LoopState state, object iterable, int offset, int limit, bool reversed, int columns)
    {
        var items = ObjectAccess.Enumerate(iterable);
        if (offset > 0)
        {
            items = items.Skip(offset);
        }

        if (reversed)
        {
            items = items.Reverse();
        }

        if (limit > 0)
        {
            items = items.Take(limit);
        }

        object? result = null;
        using var iterator = items.GetEnumerator();
        state.SetSource(items, iterator);
        if (!iterator.MoveNext())
        {
            return (false, null);
        }

        var assign = new LoopVariableAssignment(context, Variable!);
        var publishes = LoopVariableAssignment.Publishes(Variable);
        if (publishes)
        {
            context.PushBoundLoop(assign.Store, assign.Slot);
        }

        try
        {
            var index = 0;
            while (true)
            {
                context.StepLoop(this);
                state.ResetLast();
                var value = iterator.Current;
                state.SetCurrent(index, value);
                assign.Set(value);
                result = IsTableRow ? RunTableRowItem(context, state, columns) : context.ExecuteBlock(Body!);
                var isLast = state.MoveNextAndIsLast();
                if (!ContinueLoop(context) || isLast)
                {
                    break;
                }

                index++;
            }
        }
        finally
        {
            if (publishes)
            {
                context.PopBoundLoop();
            }
        }

        return (true, result);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private object? RunTableRowItem(RenderContext context, LoopState state, int columns)
    {
        var index = state.Index;
        var column = index % columns;
        state.Column = column;
        state.ColumnFirst = column == 0;
        state.ColumnLast = (index + 1) % columns == 0;
        if (column == 0 && index > 0)
        {
            context.Write("</tr>");
            context.Write(context.Settings.NewLine);
            context.Write("<tr class=\"row" + ((index / columns) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\">");
        }

        context.Write("<td class=\"col" + (column + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\">");
        var result = context.ExecuteBlock(Body!);
        context.Write("</td>");
        return result;
    }

    internal static bool ContinueLoop(RenderContext context)
    {
        if (context.Flow == FlowState.Return)
        {
            return false;
        }

        var proceed = context.Flow != FlowState.Break;
        context.Flow = FlowState.None;
        return proceed;
    }
}

internal sealed partial class WhileStatement
{
    internal override object? Execute(RenderContext context)
    {
        context.EnterLoop();
        try
        {
            var state = context.RentLoopState(isTableRow: false);
            context.SetLoopState("while", state);
            object? result = null;
            var index = 0;
            while (true)
            {
                context.StepLoop(this);
                if (Condition is null || !context.ToBool(context.Evaluate(Condition)))
                {
                    break;
                }

                state.Index = index++;
                result = Body is null ? null : context.Execute(Body);
                if (!ForStatement.ContinueLoop(context))
                {
                    break;
                }
            }

            context.ReturnLoopState(state);
            return result;
        }
        finally
        {
            context.ExitLoop();
            if (context.Flow != FlowState.Return)
            {
                context.Flow = FlowState.None;
            }
        }
    }
}

/// <summary>Assigns a loop's variable each iteration: a plain variable goes straight to its slot in the loop store.</summary>
internal readonly struct LoopVariableAssignment
{
    private readonly RenderContext _context;
    private readonly Expression _target;
    private readonly LoopStore? _store;
    private readonly int _slot;

    public LoopVariableAssignment(RenderContext context, Expression target)
    {
        _context = context;
        _target = target;
        if (target is VariableExpression variable)
        {
            _store = context.CurrentLoopStore(variable);
            _slot = _store.Slot(variable.FullName);
        }
    }

    /// <summary>The loop store holding the variable, when it is a plain (non-<c>$</c>) variable.</summary>
    public LoopStore? Store => _target is VariableExpression { IsLocal: false } ? _store : null;

    public int Slot => _slot;

    /// <summary>Whether this loop publishes its variable's slot (see <see cref="RenderContext.PushBoundLoop"/>).</summary>
    public static bool Publishes(Expression? target) => target is VariableExpression { IsLocal: false };

    public void Set(object? value)
    {
        if (_store is not null)
        {
            _store.SetAt(_slot, value);
        }
        else
        {
            _context.SetValue(_target, value);
        }
    }
}
