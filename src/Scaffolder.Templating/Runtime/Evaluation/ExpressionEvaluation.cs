using System.Text;
using Scaffolder.Templating.Runtime;

namespace Scaffolder.Templating.Syntax;

internal abstract partial class Expression
{
    internal abstract object? Evaluate(RenderContext context);

    /// <summary>The raw value of a path (without calling a function found there); other expressions just evaluate.</summary>
    internal virtual object? GetPathValue(RenderContext context) => context.Evaluate(this);
}

/// <summary>Paths that can be read and assigned: variables, members, indexers, <c>this</c>, nested expressions.</summary>
internal partial interface IAssignable
{
    object? GetValue(RenderContext context);

    void SetValue(RenderContext context, object? value);
}

internal sealed partial class LiteralExpression
{
    internal override object? Evaluate(RenderContext context) => Value;
}

internal sealed partial class VariableExpression
{
    private byte _builtinName;

    /// <summary>A global name that a builtin defines (<c>string</c>, <c>date</c>...).</summary>
    internal bool IsBuiltinName
    {
        get
        {
            if (_builtinName == 0)
            {
                _builtinName = !IsLocal && Builtins.BuiltinLibrary.Globals.ContainsKey(Name) ? (byte)2 : (byte)1;
            }

            return _builtinName == 2;
        }
    }

    internal override object? GetPathValue(RenderContext context) => GetValue(context);

    internal override object? Evaluate(RenderContext context)
    {
        // Plain data needs none of the function-call handling of GetValue.
        var value = context.GetVariable(this);
        if (value is LoopState state)
        {
            state.Escaped = true;
        }

        return Callables.TryGet(value, out _) ? context.GetValue(this) : value;
    }

    public object? GetValue(RenderContext context)
    {
        var value = context.GetVariable(this);
        if (value is LoopState state)
        {
            // Handed on as a whole (member access through the fast path does not come here).
            state.Escaped = true;
        }

        return value;
    }

    public void SetValue(RenderContext context, object? value) => context.SetVariable(this, value);
}

internal sealed partial class MemberExpression
{
    internal override object? GetPathValue(RenderContext context) => GetValue(context);

    internal override object? Evaluate(RenderContext context)
    {
        // `variable.member` on plain data: read both directly (no function values involved).
        if (Target is VariableExpression variable && context.GetVariable(variable) is { } target)
        {
            if (target.GetType() == typeof(Dictionary<string, object?>))
            {
                if (!ObjectAccess.TryGetHostMember(target, Member.Name, out var hostValue))
                {
                    return null;
                }

                if (!Callables.TryGet(hostValue, out _))
                {
                    return hostValue;
                }
            }
            else if (target is LoopState state)
            {
                // `for.index`, `for.first`...: values are numbers and booleans, never functions.
                state.TryGetValue(Member.Name, out var loopValue);
                return loopValue;
            }
            else if (!Callables.TryGet(target, out _)
                && target is not Builtins.BuiltinObject
                && ObjectAccess.TryGetMember(target, Member.Name, out var value)
                && !Callables.TryGet(value, out _))
            {
                return value;
            }
        }

        return context.GetValue(this);
    }

    private BuiltinMember? _builtinMember;

    /// <summary>A member of a (shared, immutable) builtin object, remembered after the first lookup.</summary>
    private sealed record BuiltinMember(Builtins.BuiltinObject Owner, object? Value);

    public object? GetValue(RenderContext context)
    {
        var target = context.GetValue(Target);
        if (target is null)
        {
            if (context.Settings.Semantics.RelaxedTargetAccess || NullConditional)
            {
                return null;
            }

            throw new TemplateRuntimeException(Member.Span, $"Cannot get the member {this} for a null object.");
        }

        if (target.GetType() == typeof(Dictionary<string, object?>))
        {
            ObjectAccess.TryGetHostMember(target, Member.Name, out var hostValue);
            return hostValue;
        }

        if (target is Builtins.BuiltinObject builtin)
        {
            var cached = _builtinMember;
            if (cached is not null && ReferenceEquals(cached.Owner, builtin))
            {
                return cached.Value;
            }

            builtin.TryGetValue(Member.Name, out var member);
            _builtinMember = new BuiltinMember(builtin, member);
            return member;
        }

        if (ObjectAccess.TryGetMember(target, Member.Name, out var value))
        {
            return value;
        }

        if (context.Settings.Semantics.Rules is { } rules && rules.TryGetIntrinsicMember(target, Member.Name, out value))
        {
            return value;
        }

        if (!context.Settings.Semantics.RelaxedMemberAccess)
        {
            throw new TemplateRuntimeException(Member.Span, $"Cannot get member with name {Member.Name}.");
        }

        return null;
    }

    public void SetValue(RenderContext context, object? value)
    {
        var target = context.GetValue(Target);
        if (target is null)
        {
            throw new TemplateRuntimeException(Member.Span, $"Object `{Target}` is null. Cannot access member: {this}");
        }

        if (Operators.IsPrimitive(target))
        {
            throw new TemplateRuntimeException(Member.Span, $"Cannot get or set a member on the primitive `{context.ToText(target)}/{RenderContext.TypeName(target)}` when accessing member: {Member.Name}");
        }

        if (!ObjectAccess.TrySetMember(context, target, Member.Name, value))
        {
            throw new TemplateRuntimeException(Member.Span, $"Cannot set a value for the readonly member: {this}");
        }
    }
}

internal sealed partial class IsEmptyExpression
{
    internal override object? GetPathValue(RenderContext context) => GetValue(context);

    internal override object? Evaluate(RenderContext context) => context.GetValue(this);

    public object? GetValue(RenderContext context) => context.IsEmpty(context.GetValue(Target));

    public void SetValue(RenderContext context, object? value) =>
        throw new TemplateRuntimeException(Span, "The `.empty?` property cannot be set");
}

internal sealed partial class IndexerExpression
{
    internal override object? GetPathValue(RenderContext context) => GetValue(context);

    internal override object? Evaluate(RenderContext context) => context.GetValue(this);

    public object? GetValue(RenderContext context) => Access(context, setter: false, null);

    public void SetValue(RenderContext context, object? value) => Access(context, setter: true, value);

    private object? Access(RenderContext context, bool setter, object? valueToSet)
    {
        var target = context.GetValue(Target);
        if (target is null)
        {
            if (!setter && (context.Settings.Semantics.RelaxedTargetAccess || HasNullConditionalTarget(Target)))
            {
                return null;
            }

            throw new TemplateRuntimeException(Target.Span, $"Object `{Target}` is null. Cannot access indexer: {this}");
        }

        var index = context.Evaluate(Index);
        if (index is null)
        {
            throw new TemplateRuntimeException(Index.Span, $"Cannot access target `{Target}` with a null indexer: {this}");
        }

        var isList = target is string || ObjectAccess.IsList(target) || Operators.IsPrimitive(target);
        if (!isList || (target is TemplateArray && index is string))
        {
            var name = context.ToText(index) ?? string.Empty;
            if (setter)
            {
                if (!ObjectAccess.TrySetMember(context, target, name, valueToSet))
                {
                    throw new TemplateRuntimeException(Index.Span, $"Cannot set a value for the readonly member `{name}` in the indexer: {Target}['{name}']");
                }

                return null;
            }

            if (ObjectAccess.TryGetMember(target, name, out var member))
            {
                return member;
            }

            if (context.Settings.Semantics.Rules is { } rules && rules.TryGetIntrinsicMember(target, name, out member))
            {
                return member;
            }

            if (!context.Settings.Semantics.RelaxedMemberAccess)
            {
                throw new TemplateRuntimeException(Index.Span, $"Cannot access target `{Target}` with an indexer: {Index}");
            }

            return null;
        }

        if (Operators.IsPrimitive(target))
        {
            throw new TemplateRuntimeException(Target.Span, $"Cannot use the {RenderContext.TypeName(target)} primitive `{context.ToText(target)}` as a list.");
        }

        var i = context.ToInt(Index.Span, index);
        var length = target is string text ? text.Length : ObjectAccess.ListCount(target);
        if (i < 0 && context.Settings.Semantics.NegativeIndexFromEnd)
        {
            i += length;
        }

        if (!context.Settings.Semantics.RelaxedIndexerAccess && (i < 0 || i >= length))
        {
            throw new TemplateRuntimeException(Index.Span, $"The index {i} is out of bounds [0, {length}] on the `{Target}` with the indexer: {Index}");
        }

        if (i < 0)
        {
            return null;
        }

        if (target is string s)
        {
            if (setter)
            {
                throw new TemplateRuntimeException(Index.Span, "Cannot replace a character in a string");
            }

            return i < s.Length ? s[i].ToString() : null;
        }

        if (setter)
        {
            context.CheckSize(Index.Span, i);
            if (!ObjectAccess.TrySetListItem(target, i, valueToSet))
            {
                throw new TemplateRuntimeException(Index.Span, $"Cannot set a value for the readonly item `{i}` in the indexer: {this}");
            }

            return null;
        }

        return ObjectAccess.ListItem(target, i);
    }

    private static bool HasNullConditionalTarget(Expression expression) => expression switch
    {
        MemberExpression member => member.NullConditional || HasNullConditionalTarget(member.Target),
        IndexerExpression indexer => HasNullConditionalTarget(indexer.Target),
        NestedExpression { Inner: { } inner } => HasNullConditionalTarget(inner),
        _ => false,
    };
}

internal sealed partial class ThisExpression
{
    internal override object? GetPathValue(RenderContext context) => GetValue(context);

    internal override object? Evaluate(RenderContext context) => context.GetValue(this);

    public object? GetValue(RenderContext context) => context.CurrentGlobal;

    public void SetValue(RenderContext context, object? value) =>
        throw new TemplateRuntimeException(Span, "Cannot set this variable");
}

internal sealed partial class NestedExpression
{
    internal override object? GetPathValue(RenderContext context) => GetValue(context);

    internal override object? Evaluate(RenderContext context)
    {
        // Parentheses isolate pipes: a pipe inside does not consume an argument piped from outside.
        context.PushPipeGroup();
        try
        {
            return context.GetValue(this);
        }
        finally
        {
            context.PopPipeGroup();
        }
    }

    public object? GetValue(RenderContext context) => context.Evaluate(Inner!);

    public void SetValue(RenderContext context, object? value) => context.SetValue(Inner!, value);
}

internal sealed partial class BinaryExpression
{
    internal override object? Evaluate(RenderContext context)
    {
        var left = context.Evaluate(Left);
        var rules = context.Settings.Semantics.Rules;
        switch (Operator)
        {
            case BinaryOperator.And when rules is null:
                return context.ToBool(left) && context.ToBool(context.Evaluate(Right)) ? Box.True : Box.False;
            case BinaryOperator.Or when rules is null:
                return context.ToBool(left) || context.ToBool(context.Evaluate(Right)) ? Box.True : Box.False;
            case BinaryOperator.And:
                // JavaScript's && and || yield an operand, not a boolean (`x or 'default'`).
                return context.ToBool(left) ? context.Evaluate(Right) : left;
            case BinaryOperator.Or:
                return context.ToBool(left) ? left : context.Evaluate(Right);
            default:
                var right = context.Evaluate(Right);
                return rules is null
                    ? Operators.Binary(context, OperatorSpan, Operator, Left.Span, left, Right.Span, right)
                    : rules.Binary(context, this, left, right);
        }
    }
}

internal sealed partial class UnaryExpression
{
    internal override object? Evaluate(RenderContext context)
    {
        if (Operator == UnaryOperator.FunctionAlias)
        {
            return context.Evaluate(Operand, alias: true);
        }

        var operand = context.Evaluate(Operand);
        return context.Settings.Semantics.Rules is { } rules
            ? rules.Unary(context, this, operand)
            : Operators.Unary(context, Operand.Span, Operator, operand);
    }
}

internal sealed partial class IncrementDecrementExpression
{
    internal override object? Evaluate(RenderContext context)
    {
        var value = Operators.Unary(context, Target.Span, UnaryOperator.Plus, context.Evaluate(Target));
        var updated = Operators.Binary(context, Target.Span, BinaryOperator.Add, Target.Span, value, Target.Span, Box.Int(Increment ? 1 : -1));
        context.SetValue(Target, updated);
        return Postfix ? value : updated;
    }
}

internal sealed partial class ConditionalExpression
{
    internal override object? Evaluate(RenderContext context)
    {
        var condition = context.ToBool(context.Evaluate(Condition));
        var branch = condition ? Then : Otherwise;
        return branch is null ? null : context.Evaluate(branch);
    }
}

internal sealed partial class AssignExpression
{
    internal override object? Evaluate(RenderContext context)
    {
        object? value;
        if (CompoundOperator == BinaryOperator.None)
        {
            value = Value is null ? null : context.Evaluate(Value);
        }
        else
        {
            var right = Value is null ? null : context.Evaluate(Value);
            var left = context.Evaluate(Target);
            value = Operators.Binary(context, Span, CompoundOperator, Span, left, Span, right);
        }

        context.SetValue(Target, value);
        return null;
    }
}

internal sealed partial class FunctionCallExpression
{
    private static readonly object NotABuiltin = new();
    private object? _builtinTarget;
    private byte _positionalOnly;

    /// <summary>
    /// The builtin this call targets when written as <c>object.function</c> on a builtin object (or a
    /// builtin global function); resolved once, used while no scope shadows the builtins.
    /// </summary>
    private Builtins.BuiltinFunction? BuiltinTarget
    {
        get
        {
            var cached = _builtinTarget;
            if (cached is null)
            {
                cached = ResolveBuiltinTarget() ?? NotABuiltin;
                _builtinTarget = cached;
            }

            return cached as Builtins.BuiltinFunction;
        }
    }

    /// <summary>No named arguments and no <c>^</c> expansion.</summary>
    internal bool IsPositionalOnly
    {
        get
        {
            if (_positionalOnly == 0)
            {
                var positional = !Arguments.Any(argument => argument is NamedArgumentExpression or UnaryExpression { Operator: UnaryOperator.FunctionParametersExpand });
                _positionalOnly = positional ? (byte)2 : (byte)1;
            }

            return _positionalOnly == 2;
        }
    }

    private object? ResolveBuiltinTarget()
    {
        if (Target is MemberExpression { NullConditional: false, Target: VariableExpression { IsBuiltinName: true } owner } member
            && Builtins.BuiltinLibrary.Globals[owner.Name] is Builtins.BuiltinObject builtin
            && builtin.TryGetValue(member.Member.Name, out var function)
            && function is Builtins.BuiltinFunction builtinFunction)
        {
            return builtinFunction;
        }

        return null;
    }

    /// <summary>The builtin this call resolves to when nothing can have redefined it.</summary>
    internal Builtins.BuiltinFunction? FastBuiltin(RenderContext context) =>
        !context.BuiltinsShadowed && !context.Builtins.HasCopies ? BuiltinTarget : null;

    internal override object? Evaluate(RenderContext context)
    {
        if (FastBuiltin(context) is { } builtin)
        {
            return context.CallBuiltin(this, builtin, context.AllowPipeArguments ? context.TakePipeArgument() : null);
        }

        var function = context.Evaluate(Target, alias: true);
        if (context.Settings.Semantics.JavaScriptCalls && !Callables.TryGet(function, out _))
        {
            // Nunjucks' callWrap: the message names the callee as the template wrote it.
            var reason = Runtime.JavaScript.JsValues.IsTruthy(function) ? "which is not a function" : "which is undefined or falsey";
            throw new TemplateRuntimeException(Target.Span, $"Unable to call `{Runtime.JavaScript.JsCallNames.Of(Target)}`, {reason}");
        }

        if (function is null)
        {
            if (context.Settings.Semantics.RelaxedFunctionAccess)
            {
                return null;
            }

            throw new TemplateRuntimeException(Target.Span, $"The function `{Target}` was not found");
        }

        return context.Call(this, function, context.AllowPipeArguments, Arguments);
    }
}

internal sealed partial class NamedArgumentExpression
{
    internal override object? Evaluate(RenderContext context) => Value is null ? Box.True : context.Evaluate(Value);
}

internal sealed partial class PipeExpression
{
    private FunctionCallExpression? _memberCall;

    internal override object? Evaluate(RenderContext context)
    {
        // `x | object.function args`: the source is simply the builtin's first argument.
        if (To is FunctionCallExpression call && call.FastBuiltin(context) is { } builtin)
        {
            return context.CallBuiltin(call, builtin, From);
        }

        // `x | object.function` (no arguments) is the same call with none written.
        if (To is MemberExpression member)
        {
            var memberCall = _memberCall ??= new FunctionCallExpression(member) { Span = member.Span, IsClosed = true };
            if (memberCall.FastBuiltin(context) is { } memberBuiltin)
            {
                return context.CallBuiltin(memberCall, memberBuiltin, From);
            }
        }

        return context.EvaluatePipe(this);
    }
}

internal sealed partial class ArrayInitializerExpression
{
    internal override object? Evaluate(RenderContext context)
    {
        var array = new TemplateArray(Items.Count);
        foreach (var item in Items)
        {
            array.Add(context.Evaluate(item));
        }

        return array;
    }
}

internal sealed partial class ObjectInitializerExpression
{
    internal override object? Evaluate(RenderContext context)
    {
        var obj = new TemplateObject(Members.Count);
        if (!ScopedMembers)
        {
            foreach (var member in Members)
            {
                obj.SetValue(member.Name, context.Evaluate(member.Value));
            }

            return obj;
        }

        context.PushGlobalOnly(obj);
        try
        {
            foreach (var member in Members)
            {
                context.NoteGlobalName(member.Name);
                obj.SetValue(member.Name, context.Evaluate(member.Value));
            }
        }
        finally
        {
            context.PopGlobalOnly();
        }

        return obj;
    }
}

internal sealed partial class InterpolatedStringExpression
{
    internal override object? Evaluate(RenderContext context)
    {
        context.PushPipeGroup();
        try
        {
            var builder = new StringBuilder();
            foreach (var part in Parts)
            {
                var value = context.Evaluate(part);
                switch (value)
                {
                    case null:
                        break;
                    case string text:
                        builder.Append(text);
                        break;
                    case bool flag:
                        // Scriban appends the .NET string form here ("True"), unlike everywhere else.
                        builder.Append(flag ? "True" : "False");
                        break;
                    default:
                        builder.Append(context.ToText(value));
                        break;
                }

                context.CheckSize(Span, builder.Length);
            }

            return builder.ToString();
        }
        finally
        {
            context.PopPipeGroup();
        }
    }
}

internal sealed partial class InterpolatedExpression
{
    internal override object? Evaluate(RenderContext context)
    {
        context.PushPipeGroup();
        try
        {
            return Inner is null ? null : context.Evaluate(Inner);
        }
        finally
        {
            context.PopPipeGroup();
        }
    }
}

internal sealed partial class AnonymousFunctionExpression
{
    internal override object? Evaluate(RenderContext context) => Function.Callable;
}
