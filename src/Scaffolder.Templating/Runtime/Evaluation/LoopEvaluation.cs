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

        IEnumerable<object?> items = ObjectAccess.Enumerate(iterable);
        var columns = 1;
        if (Options.Count > 0)
        {
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
                        columns = context.ToInt(option.Span, option.Value is null ? null : context.Evaluate(option.Value));
                        if (columns <= 0)
                        {
                            columns = 1;
                        }

                        break;
                    default:
                        throw new TemplateRuntimeException(option.Span, $"Unsupported argument `{option.Name}` for statement: `{this}`");
                }
            }

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
        }

        if (IsTableRow)
        {
            context.Write("<tr class=\"row1\">");
        }

        var state = new LoopState { IsTableRow = IsTableRow };
        context.SetLoopState(IsTableRow ? "tablerow" : "for", state);
        object? result = null;
        var entered = false;
        using (var iterator = items.GetEnumerator())
        {
            state.SetSource(items, iterator);
            if (iterator.MoveNext())
            {
                entered = true;
                object? previous = null;
                var index = 0;
                while (true)
                {
                    context.StepLoop(this);
                    state.ResetLast();
                    var value = iterator.Current;
                    state.Index = index;
                    state.ValueChanged = index == 0 || !Equals(previous, value);
                    if (Variable is VariableExpression variable)
                    {
                        context.SetLoopVariable(variable, value);
                    }
                    else
                    {
                        context.SetValue(Variable!, value);
                    }

                    result = IsTableRow ? RunTableRowItem(context, state, columns) : context.Execute(Body!);
                    var isLast = state.MoveNextAndIsLast();
                    if (!ContinueLoop(context) || isLast)
                    {
                        break;
                    }

                    previous = value;
                    index++;
                }
            }
        }

        if (IsTableRow)
        {
            context.Write("</tr>");
            context.Write(context.Settings.NewLine);
        }

        if (!entered && Else is not null)
        {
            result = context.Execute(Else);
        }

        return result;
    }

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
        var result = context.Execute(Body!);
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
            var state = new LoopState();
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
