using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Runtime;

/// <summary>
/// Function calls: argument binding (positional, named, defaults, variadic, <c>^</c> expansion),
/// pipes, block delegates of <c>wrap</c>, and per-render state used by builtins.
/// </summary>
internal sealed partial class RenderContext
{
    private readonly Stack<ArgumentList> _spareArguments = new();
    private readonly List<Stack<Expression>> _pipeGroups = [];
    private readonly Stack<Stack<Expression>> _sparePipeGroups = new();
    private readonly Stack<BlockStatement> _blockDelegates = new();
    private readonly Stack<object?> _caseValues = new();
    private Dictionary<string, int>? _cycles;
    private Dictionary<string, Template>? _includes;

    public Stack<BlockStatement> BlockDelegates => _blockDelegates;

    public Stack<object?> CaseValues => _caseValues;

    public Dictionary<string, int> Cycles => _cycles ??= new Dictionary<string, int>(StringComparer.Ordinal);

    public Dictionary<string, Template> Includes => _includes ??= new Dictionary<string, Template>(StringComparer.Ordinal);

    private Stack<Expression>? CurrentPipe => _pipeGroups.Count > 0 ? _pipeGroups[^1] : null;

    private void CleanupCalls()
    {
        _pipeGroups.Clear();
        _blockDelegates.Clear();
        _caseValues.Clear();
        _cycles?.Clear();
        _includes?.Clear();
    }

    /// <summary>Starts a group of pipe arguments (a nested expression isolates its pipes from the outer ones).</summary>
    public void PushPipeGroup() => _pipeGroups.Add(_sparePipeGroups.Count > 0 ? _sparePipeGroups.Pop() : new Stack<Expression>(2));

    public void PopPipeGroup()
    {
        if (_pipeGroups.Count == 0)
        {
            return;
        }

        var group = _pipeGroups[^1];
        _pipeGroups.RemoveAt(_pipeGroups.Count - 1);
        group.Clear();
        _sparePipeGroups.Push(group);
    }

    public void ClearPipeGroups()
    {
        while (_pipeGroups.Count > 0)
        {
            PopPipeGroup();
        }
    }

    /// <summary>Evaluates <c>from | to</c>: <paramref name="from"/> becomes the first argument of the first call made by <paramref name="to"/>.</summary>
    public object? EvaluatePipe(PipeExpression pipe)
    {
        var newGroup = CurrentPipe is null;
        try
        {
            if (newGroup)
            {
                PushPipeGroup();
            }

            var group = CurrentPipe!;
            group.Push(pipe.From);
            var result = Evaluate(pipe.To!);
            if (result is ICallable function && group.Count > 0 && ReferenceEquals(group.Peek(), pipe.From))
            {
                result = Call(pipe.To, function, true, null);
            }

            if (group.Count > 0 && ReferenceEquals(group.Peek(), pipe.From))
            {
                throw new TemplateRuntimeException(pipe.To!.Span, $"Pipe expression destination `{pipe.To}` is not a valid function ");
            }

            return result;
        }
        catch
        {
            newGroup = false;
            ClearPipeGroups();
            throw;
        }
        finally
        {
            if (newGroup)
            {
                PopPipeGroup();
            }
        }
    }

    /// <summary>Calls <paramref name="functionObject"/> with argument expressions, binding them like Scriban does.</summary>
    public object? Call(Node? caller, object? functionObject, bool processPipeArguments, IReadOnlyList<Expression>? arguments)
    {
        BlockStatement? block = _blockDelegates.Count > 0 ? _blockDelegates.Pop() : null;
        var callerSpan = caller?.Span ?? CurrentSpan;
        if (functionObject is null)
        {
            throw new TemplateRuntimeException(callerSpan, $"The target function `{caller}` is null");
        }

        var pipe = CurrentPipe;
        var isPipeCall = processPipeArguments && pipe is { Count: > 0 };
        if (functionObject is not ICallable function)
        {
            if (isPipeCall && caller is FunctionCallExpression call)
            {
                throw new TemplateRuntimeException(callerSpan, $"Pipe expression destination `{call.Target}` is not a valid function ");
            }

            throw new TemplateRuntimeException(callerSpan, $"Invalid target function `{ToText(functionObject)}` ({TypeName(functionObject)})");
        }

        Expression? pipeFrom = null;
        if (isPipeCall)
        {
            pipeFrom = pipe!.Pop();
        }

        var values = _spareArguments.Count > 0 ? _spareArguments.Pop() : new ArgumentList();
        try
        {
            var mask = 0UL;
            var argumentCount = (pipeFrom is null ? 0 : 1) + (arguments?.Count ?? 0);
            if (pipeFrom is not null)
            {
                mask = BindArgument(callerSpan, pipeFrom, function, values, mask);
            }

            if (arguments is not null)
            {
                for (var i = 0; i < arguments.Count; i++)
                {
                    mask = BindArgument(callerSpan, arguments[i], function, values, mask);
                }
            }

            var parameterCount = function.ParameterCount;
            if (function.ParamsKind != ParamsKind.Direct)
            {
                FillDefaults(ref mask, values.Count, parameterCount - 1, function, values);
            }

            var required = function.RequiredParameterCount;
            var requiredMask = required >= 64 ? ulong.MaxValue : (1UL << required) - 1;
            mask &= requiredMask;
            if (mask != requiredMask)
            {
                var passed = System.Numerics.BitOperations.PopCount(mask);
                throw new TemplateRuntimeException(callerSpan.After(), $"Invalid number of arguments `{passed}` passed to `{caller}` while expecting `{required}` arguments");
            }

            if (function.ParamsKind == ParamsKind.None && values.Count > parameterCount)
            {
                var errorSpan = values.Count <= argumentCount
                    ? ArgumentSpan(pipeFrom, arguments, values.Count - 1) ?? callerSpan.After()
                    : callerSpan.After();
                throw new TemplateRuntimeException(errorSpan, $"Invalid number of arguments `{values.Count}` passed to `{caller}` while expecting `{parameterCount}` arguments");
            }

            EnterRecursive(caller);
            try
            {
                return function.Invoke(this, caller, values, block);
            }
            catch (TemplateArgumentException ex)
            {
                throw new TemplateRuntimeException(ArgumentSpan(pipeFrom, arguments, ex.ArgumentIndex) ?? callerSpan, ex.Message);
            }
            finally
            {
                ExitRecursive();
                Flow = FlowState.None;
            }
        }
        finally
        {
            values.Reset();
            _spareArguments.Push(values);
        }
    }

    private static SourceSpan? ArgumentSpan(Expression? pipeFrom, IReadOnlyList<Expression>? arguments, int index)
    {
        if (pipeFrom is not null)
        {
            if (index == 0)
            {
                return pipeFrom.Span;
            }

            index--;
        }

        return arguments is not null && index >= 0 && index < arguments.Count ? arguments[index].Span : null;
    }

    private ulong BindArgument(SourceSpan callerSpan, Expression argument, ICallable function, ArgumentList values, ulong mask)
    {
        var index = values.Count;
        var parameterCount = function.ParameterCount;
        if (argument is NamedArgumentExpression named)
        {
            var name = named.Name.Name;
            index = IndexOfParameter(function, name);
            if (function.ParamsKind != ParamsKind.None && index < 0)
            {
                values.Named ??= new TemplateObject();
                values.Named.SetValue(name, Evaluate(named));
                return mask;
            }

            if (index < 0)
            {
                index = values.Count;
            }
        }

        var value = Evaluate(argument);
        if (argument is UnaryExpression { Operator: UnaryOperator.FunctionParametersExpand } && value is not null && ObjectAccess.IsIterable(value) && value is not string)
        {
            foreach (var item in ObjectAccess.Enumerate(value))
            {
                var converted = ConvertArgument(callerSpan, item, function.GetParameter(values.Count).Kind);
                mask = SetArgument(index, converted, function, values, mask, parameterCount);
                index++;
            }

            return mask;
        }

        value = ConvertArgument(argument.Span, value, function.GetParameter(index).Kind);
        return SetArgument(index, value, function, values, mask, parameterCount);
    }

    private static ulong SetArgument(int index, object? value, ICallable function, ArgumentList values, ulong mask, int parameterCount)
    {
        if (index > values.Count)
        {
            FillDefaults(ref mask, values.Count, index, function, values);
        }

        if (index < parameterCount && index < 64)
        {
            mask |= 1UL << index;
        }

        if (function.ParamsKind == ParamsKind.LastParameter && index >= parameterCount - 1)
        {
            if (values[parameterCount - 1] is not TemplateArray rest)
            {
                rest = new TemplateArray();
                values[parameterCount - 1] = rest;
            }

            rest.Add(value);
        }
        else
        {
            values[index] = value;
        }

        return mask;
    }

    private static void FillDefaults(ref ulong mask, int start, int end, ICallable function, ArgumentList values)
    {
        var last = function.ParameterCount - 1;
        if (end > last)
        {
            end = last;
        }

        var variadicIndex = function.ParamsKind == ParamsKind.LastParameter ? last : -1;
        for (var i = start; i <= end; i++)
        {
            var parameter = function.GetParameter(i);
            if (parameter.HasDefault)
            {
                values[i] = parameter.Default;
                if (i < 64)
                {
                    mask |= 1UL << i;
                }
            }
            else
            {
                values[i] = i == variadicIndex ? new TemplateArray() : null;
            }
        }
    }

    private static int IndexOfParameter(ICallable function, string name)
    {
        for (var i = 0; i < function.ParameterCount; i++)
        {
            if (function.GetParameter(i).Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Calls a function with already evaluated values (used by builtins such as <c>array.each</c>).</summary>
    public object? CallWithValues(Node? caller, ICallable function, ReadOnlySpan<object?> arguments)
    {
        var values = _spareArguments.Count > 0 ? _spareArguments.Pop() : new ArgumentList();
        try
        {
            var span = caller?.Span ?? CurrentSpan;
            var mask = 0UL;
            var parameterCount = function.ParameterCount;
            foreach (var argument in arguments)
            {
                var index = values.Count;
                var converted = ConvertArgument(span, argument, function.GetParameter(index).Kind);
                mask = SetArgument(index, converted, function, values, mask, parameterCount);
            }

            if (function.ParamsKind != ParamsKind.Direct)
            {
                FillDefaults(ref mask, values.Count, parameterCount - 1, function, values);
            }

            var required = function.RequiredParameterCount;
            var requiredMask = required >= 64 ? ulong.MaxValue : (1UL << required) - 1;
            if ((mask & requiredMask) != requiredMask)
            {
                throw new TemplateRuntimeException(span.After(), $"Invalid number of arguments `{System.Numerics.BitOperations.PopCount(mask & requiredMask)}` passed to `{caller}` while expecting `{required}` arguments");
            }

            EnterRecursive(caller);
            try
            {
                return function.Invoke(this, caller, values, null);
            }
            finally
            {
                ExitRecursive();
                Flow = FlowState.None;
            }
        }
        finally
        {
            values.Reset();
            _spareArguments.Push(values);
        }
    }
}

/// <summary>Thrown by a builtin to blame one of its arguments; the location becomes that argument's.</summary>
internal sealed class TemplateArgumentException : Exception
{
    public TemplateArgumentException(int argumentIndex, string message)
        : base(message) => ArgumentIndex = argumentIndex;

    public int ArgumentIndex { get; }
}
