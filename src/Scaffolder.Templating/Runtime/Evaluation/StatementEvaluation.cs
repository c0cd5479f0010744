using Scaffolder.Templating.Runtime;

namespace Scaffolder.Templating.Syntax;

internal abstract partial class Statement
{
    internal abstract object? Execute(RenderContext context);
}

internal sealed partial class BlockStatement
{
    internal override object? Execute(RenderContext context) => context.ExecuteBlock(this);
}

internal sealed partial class RawStatement
{
    internal override object? Execute(RenderContext context)
    {
        if (Length > 0)
        {
            context.Write(Source, Index, Length);
        }

        return null;
    }
}

internal sealed partial class EscapeStatement
{
    internal override object? Execute(RenderContext context) => null;
}

internal sealed partial class EndStatement
{
    internal override object? Execute(RenderContext context) => null;
}

internal sealed partial class ExpressionStatement
{
    internal override object? Execute(RenderContext context)
    {
        if (Expression is null)
        {
            return null;
        }

        var result = context.Evaluate(Expression);

        // `$$` inside a wrapped function evaluates to the wrapped body, which runs here.
        return result is BlockStatement body ? context.Execute(body) : result;
    }
}

internal sealed partial class IfStatement
{
    internal override object? Execute(RenderContext context)
    {
        if (Condition is null)
        {
            return null;
        }

        if (context.ToBool(context.Evaluate(Condition)))
        {
            return Then is null ? null : context.Execute(Then);
        }

        return Else is null ? null : context.Execute(Else);
    }
}

internal sealed partial class ElseStatement
{
    internal override object? Execute(RenderContext context) => Body is null ? null : context.Execute(Body);
}

internal sealed partial class CaseStatement
{
    internal override object? Execute(RenderContext context)
    {
        if (Value is null || Body is null)
        {
            return null;
        }

        context.CaseValues.Push(context.Evaluate(Value));
        try
        {
            return context.Execute(Body);
        }
        finally
        {
            context.CaseValues.Pop();
        }
    }
}

internal sealed partial class WhenStatement
{
    internal override object? Execute(RenderContext context)
    {
        var caseValue = context.CaseValues.Peek();
        foreach (var value in Values)
        {
            var candidate = context.Evaluate(value);
            if (Operators.Binary(context, Span, BinaryOperator.CompareEqual, Span, caseValue, Span, candidate) is true)
            {
                return Body is null ? null : context.Execute(Body);
            }
        }

        return Next is null ? null : context.Execute(Next);
    }
}

internal sealed partial class BreakStatement
{
    internal override object? Execute(RenderContext context)
    {
        if (!context.IsInLoop)
        {
            throw new TemplateRuntimeException(Span, "The <break> statement can only be used inside for/while loops");
        }

        context.Flow = FlowState.Break;
        return null;
    }
}

internal sealed partial class ContinueStatement
{
    internal override object? Execute(RenderContext context)
    {
        if (!context.IsInLoop)
        {
            throw new TemplateRuntimeException(Span, "The <continue> statement can only be used inside for/while loops");
        }

        context.Flow = FlowState.Continue;
        return null;
    }
}

internal sealed partial class CaptureStatement
{
    internal override object? Execute(RenderContext context)
    {
        context.PushOutput();
        string text;
        try
        {
            context.Execute(Body!);
        }
        finally
        {
            text = context.PopOutput();
        }

        context.SetValue(Target!, text);
        return null;
    }
}

internal sealed partial class FunctionStatement
{
    private ScriptFunction? _callable;

    /// <summary>The runtime function for this definition (one per definition, shared by renders).</summary>
    public ScriptFunction Callable
    {
        get
        {
            if (_callable is null)
            {
                Interlocked.CompareExchange(ref _callable, new ScriptFunction(this), null);
            }

            return _callable;
        }
    }

    internal override object? Execute(RenderContext context)
    {
        if (Name is null)
        {
            return Callable;
        }

        context.SetVariable(Name, Callable);
        return null;
    }
}

internal sealed partial class ReturnStatement
{
    internal override object? Execute(RenderContext context)
    {
        var result = Expression is null ? null : context.Evaluate(Expression);
        if (result is TemplateRange range)
        {
            result = new TemplateArray(range.Items);
        }

        context.Flow = FlowState.Return;
        return result;
    }
}

internal sealed partial class WithStatement
{
    internal override object? Execute(RenderContext context)
    {
        if (Target is null)
        {
            return null;
        }

        var target = context.GetValue(Target);
        var scope = target switch
        {
            IScriptObject scriptObject when target is not TemplateArray => scriptObject,
            _ when ObjectAccess.IsObjectLike(target) => new HostObjectScope(target!),
            _ => null,
        };
        if (scope is null)
        {
            var typeName = target?.GetType().Name ?? "null";
            throw new TemplateRuntimeException(Target.Span, $"Invalid target property `{Target}` used for [with] statement. Must be a ScriptObject instead of `{typeName}`");
        }

        context.PushGlobal(scope);
        try
        {
            return Body is null ? null : context.Execute(Body);
        }
        finally
        {
            context.PopGlobal();
        }
    }
}

internal sealed partial class WrapStatement
{
    internal override object? Execute(RenderContext context)
    {
        if (Target is FunctionCallExpression call)
        {
            context.BlockDelegates.Push(Body!);
            return context.Evaluate(call);
        }

        var function = context.Evaluate(Target!, alias: true);
        if (function is not ICallable)
        {
            throw new TemplateRuntimeException(Target!.Span, $"Expecting a direct function instead of the expression `{Target}/{Target.SyntaxName}`");
        }

        context.BlockDelegates.Push(Body!);
        return context.Call(this, function, false, null);
    }
}

internal sealed partial class ImportStatement
{
    internal override object? Execute(RenderContext context)
    {
        if (Expression is null)
        {
            return null;
        }

        var value = context.Evaluate(Expression);
        if (value is not null)
        {
            context.Import(Expression.Span, value);
        }

        return null;
    }
}

internal sealed partial class ReadOnlyStatement
{
    internal override object? Execute(RenderContext context)
    {
        if (Variable is not null)
        {
            context.SetReadOnly(Variable);
        }

        return null;
    }
}
