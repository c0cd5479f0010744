using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Runtime;

/// <summary>
/// Function calls: argument binding (positional, named, defaults, variadic, <c>^</c> expansion),
/// pipes, block delegates of <c>wrap</c>, and per-render state used by builtins.
/// </summary>
internal sealed partial class RenderContext
{
    private ArgumentList[] _spareArguments = new ArgumentList[8];
    private int _spareArgumentCount;
    private readonly Stack<BlockStatement> _blockDelegates = new();
    private readonly Stack<object?> _caseValues = new();

    // Pending pipe sources, in groups: a nested expression starts a group so that its pipes do not
    // consume a value piped from outside. One array and a stack of group starts, no per-pipe allocation.
    private Expression?[] _pipeItems = new Expression?[8];
    private int _pipeCount;
    private int[] _pipeGroupStarts = new int[8];
    private int _pipeGroupCount;

    private Dictionary<string, int>? _cycles;
    private Dictionary<string, Template>? _includes;

    public Stack<BlockStatement> BlockDelegates => _blockDelegates;

    public Stack<object?> CaseValues => _caseValues;

    public Dictionary<string, int> Cycles => _cycles ??= new Dictionary<string, int>(StringComparer.Ordinal);

    public Dictionary<string, Template> Includes => _includes ??= new Dictionary<string, Template>(StringComparer.Ordinal);

    private int PipeGroupStart => _pipeGroupStarts[_pipeGroupCount - 1];

    private ArgumentList RentArguments() =>
        _spareArgumentCount > 0 ? _spareArguments[--_spareArgumentCount] : new ArgumentList();

    private void ReturnArguments(ArgumentList values)
    {
        values.Reset();
        if (_spareArgumentCount == _spareArguments.Length)
        {
            Array.Resize(ref _spareArguments, _spareArgumentCount * 2);
        }

        _spareArguments[_spareArgumentCount++] = values;
    }

    /// <summary>Values waiting in the current pipe group (0 when there is no group).</summary>
    private int PendingPipeCount => _pipeGroupCount == 0 ? 0 : _pipeCount - PipeGroupStart;

    private void CleanupCalls()
    {
        Array.Clear(_pipeItems, 0, _pipeCount);
        _pipeCount = 0;
        _pipeGroupCount = 0;
        _blockDelegates.Clear();
        _caseValues.Clear();
        _cycles?.Clear();
        _includes?.Clear();
    }

    /// <summary>Starts a group of pipe arguments (a nested expression isolates its pipes from the outer ones).</summary>
    public void PushPipeGroup()
    {
        if (_pipeGroupCount == _pipeGroupStarts.Length)
        {
            Array.Resize(ref _pipeGroupStarts, _pipeGroupCount * 2);
        }

        _pipeGroupStarts[_pipeGroupCount++] = _pipeCount;
    }

    public void PopPipeGroup()
    {
        if (_pipeGroupCount == 0)
        {
            return;
        }

        var start = _pipeGroupStarts[--_pipeGroupCount];
        while (_pipeCount > start)
        {
            _pipeItems[--_pipeCount] = null;
        }
    }

    private void PushPipeItem(Expression from)
    {
        if (_pipeCount == _pipeItems.Length)
        {
            Array.Resize(ref _pipeItems, _pipeCount * 2);
        }

        _pipeItems[_pipeCount++] = from;
    }

    private Expression PopPipeItem()
    {
        var item = _pipeItems[--_pipeCount]!;
        _pipeItems[_pipeCount] = null;
        return item;
    }

    /// <summary>Takes the value piped into the current call, if one is waiting.</summary>
    public Expression? TakePipeArgument() => PendingPipeCount > 0 ? PopPipeItem() : null;

    private bool IsPipeItemPending(Expression from) => PendingPipeCount > 0 && ReferenceEquals(_pipeItems[_pipeCount - 1], from);

    /// <summary>Evaluates <c>from | to</c>: <paramref name="pipe"/>'s source becomes the first argument of the first call made by its destination.</summary>
    public object? EvaluatePipe(PipeExpression pipe)
    {
        var newGroup = _pipeGroupCount == 0;
        if (newGroup)
        {
            PushPipeGroup();
        }

        object? result;
        try
        {
            PushPipeItem(pipe.From);
            result = Evaluate(pipe.To!);
            if (IsPipeItemPending(pipe.From) && Callables.TryGet(result, out var function))
            {
                result = Call(pipe.To, function, true, null);
            }

            if (IsPipeItemPending(pipe.From))
            {
                throw new TemplateRuntimeException(pipe.To!.Span, $"Pipe expression destination `{pipe.To}` is not a valid function ");
            }
        }
        catch
        {
            Array.Clear(_pipeItems, 0, _pipeCount);
            _pipeCount = 0;
            _pipeGroupCount = 0;
            throw;
        }

        if (newGroup)
        {
            PopPipeGroup();
        }

        return result;
    }

    /// <summary>Calls <paramref name="functionObject"/> with argument expressions, binding them like Scriban does.</summary>
    public object? Call(Node? caller, object? functionObject, bool processPipeArguments, IReadOnlyList<Expression>? arguments)
    {
        var block = _blockDelegates.Count > 0 ? _blockDelegates.Pop() : null;
        if (functionObject is null)
        {
            throw new TemplateRuntimeException(caller?.Span ?? CurrentSpan, $"The target function `{caller}` is null");
        }

        var isPipeCall = processPipeArguments && PendingPipeCount > 0;
        if (!Callables.TryGet(functionObject, out var function))
        {
            if (isPipeCall && caller is FunctionCallExpression call)
            {
                throw new TemplateRuntimeException(caller.Span, $"Pipe expression destination `{call.Target}` is not a valid function ");
            }

            throw new TemplateRuntimeException(caller?.Span ?? CurrentSpan, $"Invalid target function `{ToText(functionObject)}` ({TypeName(functionObject)})");
        }

        var pipeFrom = isPipeCall ? PopPipeItem() : null;
        var values = RentArguments();
        var previousNode = CurrentNode;
        var entered = false;
        try
        {
            var argumentCount = (pipeFrom is null ? 0 : 1) + (arguments?.Count ?? 0);
            if (function.ParamsKind == ParamsKind.None && IsPositionalOnly(arguments))
            {
                BindPositional(caller, pipeFrom, arguments, function, values, argumentCount);
            }
            else
            {
                Bind(caller, pipeFrom, arguments, function, values, argumentCount);
            }

            if (function is not Scaffolder.Templating.Builtins.BuiltinFunction)
            {
                EnterRecursive(caller);
            }
            else
            {
                EnterBuiltin(caller);
            }

            entered = true;
            if (caller is not null && !ReferenceEquals(caller, previousNode))
            {
                CurrentNode = caller;
            }

            return function.Invoke(this, caller, values, block);
        }
        catch (TemplateArgumentException ex)
        {
            throw new TemplateRuntimeException(ArgumentSpan(pipeFrom, arguments, ex.ArgumentIndex) ?? caller?.Span ?? CurrentSpan, ex.Message);
        }
        catch (Exception ex) when (ex is not TemplateRuntimeException and not OperationCanceledException && caller is not null)
        {
            throw Wrap(caller, ex);
        }
        finally
        {
            if (entered)
            {
                ExitRecursive();
                Flow = FlowState.None;
            }

            if (!ReferenceEquals(CurrentNode, previousNode))
            {
                CurrentNode = previousNode;
            }

            ReturnArguments(values);
        }
    }

    /// <summary>
    /// The fast path for a call whose target is a known builtin with few fixed parameters and only
    /// positional arguments: arguments are bound into a stack buffer and the body invoked directly.
    /// Same rules and messages as <see cref="Call"/>.
    /// </summary>
    public object? CallBuiltin(FunctionCallExpression call, Scaffolder.Templating.Builtins.BuiltinFunction function, Expression? pipeFrom)
    {
        var parameterCount = function.ParameterCount;
        if (!call.IsPositionalOnly || function.ParamsKind != ParamsKind.None || parameterCount > BuiltinArguments.Capacity || _blockDelegates.Count > 0)
        {
            if (pipeFrom is not null)
            {
                // The general path takes the piped value from the pipe stack.
                PushPipeGroup();
                PushPipeItem(pipeFrom);
                try
                {
                    return Call(call, function, true, call.Arguments);
                }
                finally
                {
                    PopPipeGroup();
                }
            }

            return Call(call, function, false, call.Arguments);
        }

        var arguments = call.Arguments;
        var argumentCount = (pipeFrom is null ? 0 : 1) + arguments.Count;
        var buffer = default(BuiltinArguments);
        var values = (Span<object?>)buffer;
        var index = 0;
        if (pipeFrom is not null)
        {
            var value = ConvertArgument(pipeFrom, Evaluate(pipeFrom), function.KindAt(0));
            if (index < values.Length)
            {
                values[index] = value;
            }

            index++;
        }

        for (var i = 0; i < arguments.Count; i++, index++)
        {
            var argument = arguments[i];
            var value = ConvertArgument(argument, Evaluate(argument), function.KindAt(index));
            if (index < values.Length)
            {
                values[index] = value;
            }
        }

        var required = function.RequiredParameterCount;
        if (argumentCount < required)
        {
            throw new TemplateRuntimeException(call.Span.After(), $"Invalid number of arguments `{argumentCount}` passed to `{call}` while expecting `{required}` arguments");
        }

        if (argumentCount > parameterCount)
        {
            var errorSpan = ArgumentSpan(pipeFrom, arguments, argumentCount - 1) ?? call.Span.After();
            throw new TemplateRuntimeException(errorSpan, $"Invalid number of arguments `{argumentCount}` passed to `{call}` while expecting `{parameterCount}` arguments");
        }

        for (var i = argumentCount; i < parameterCount; i++)
        {
            var parameter = function.GetParameter(i);
            values[i] = parameter.HasDefault ? parameter.Default : null;
        }

        EnterBuiltin(call);
        var previousNode = CurrentNode;
        var setCaller = function.RunsTemplateCode;
        if (setCaller)
        {
            CurrentNode = call;
        }

        try
        {
            return function.InvokeBody(this, call.Span, values[..parameterCount]);
        }
        catch (TemplateArgumentException ex)
        {
            throw new TemplateRuntimeException(ArgumentSpan(pipeFrom, arguments, ex.ArgumentIndex) ?? call.Span, ex.Message);
        }
        catch (Exception ex) when (ex is not TemplateRuntimeException and not OperationCanceledException)
        {
            throw Wrap(call, ex);
        }
        finally
        {
            ExitRecursive();
            Flow = FlowState.None;
            if (setCaller)
            {
                CurrentNode = previousNode;
            }
        }
    }

    /// <summary>Stack storage for the arguments of a builtin call.</summary>
    [System.Runtime.CompilerServices.InlineArray(Capacity)]
    private struct BuiltinArguments
    {
        public const int Capacity = 6;

        private object? _first;
    }

    /// <summary>Counts a builtin call towards the recursion limit; builtins do not recurse by themselves.</summary>
    private void EnterBuiltin(Node? caller)
    {
        _callDepth++;
        var limit = Settings.RecursionLimit;
        if (limit != 0 && _callDepth > limit)
        {
            _callDepth--;
            EnterRecursive(caller);
        }
    }

    private static bool IsPositionalOnly(IReadOnlyList<Expression>? arguments)
    {
        if (arguments is null)
        {
            return true;
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is NamedArgumentExpression or UnaryExpression { Operator: UnaryOperator.FunctionParametersExpand })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The common case: fixed parameters, only positional arguments.</summary>
    private void BindPositional(Node? caller, Expression? pipeFrom, IReadOnlyList<Expression>? arguments, ICallable function, ArgumentList values, int argumentCount)
    {
        var parameterCount = function.ParameterCount;
        var builtin = function as Scaffolder.Templating.Builtins.BuiltinFunction;
        var index = 0;
        if (pipeFrom is not null)
        {
            values.Add(ConvertArgument(pipeFrom, Evaluate(pipeFrom), builtin?.KindAt(0) ?? function.GetParameter(0).Kind));
            index++;
        }

        if (arguments is not null)
        {
            for (var i = 0; i < arguments.Count; i++, index++)
            {
                var argument = arguments[i];
                values.Add(ConvertArgument(argument, Evaluate(argument), builtin?.KindAt(index) ?? function.GetParameter(index).Kind));
            }
        }

        var required = function.RequiredParameterCount;
        if (argumentCount < required)
        {
            // Arguments given positionally fill the first parameters; optional ones then count as passed.
            var passed = 0;
            for (var i = 0; i < required; i++)
            {
                if (i < argumentCount || function.GetParameter(i).HasDefault)
                {
                    passed++;
                }
            }

            if (passed < required)
            {
                throw new TemplateRuntimeException((caller?.Span ?? CurrentSpan).After(), $"Invalid number of arguments `{argumentCount}` passed to `{caller}` while expecting `{required}` arguments");
            }
        }

        if (argumentCount > parameterCount)
        {
            var errorSpan = ArgumentSpan(pipeFrom, arguments, argumentCount - 1) ?? (caller?.Span ?? CurrentSpan).After();
            throw new TemplateRuntimeException(errorSpan, $"Invalid number of arguments `{argumentCount}` passed to `{caller}` while expecting `{parameterCount}` arguments");
        }

        for (var i = argumentCount; i < parameterCount; i++)
        {
            var parameter = function.GetParameter(i);
            values.Add(parameter.HasDefault ? parameter.Default : null);
        }
    }

    /// <summary>The general binding: named arguments, <c>^</c> expansion, variadic and direct functions.</summary>
    private void Bind(Node? caller, Expression? pipeFrom, IReadOnlyList<Expression>? arguments, ICallable function, ArgumentList values, int argumentCount)
    {
        var mask = 0UL;
        if (pipeFrom is not null)
        {
            mask = BindArgument(caller, pipeFrom, function, values, mask);
        }

        if (arguments is not null)
        {
            for (var i = 0; i < arguments.Count; i++)
            {
                mask = BindArgument(caller, arguments[i], function, values, mask);
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
            throw new TemplateRuntimeException((caller?.Span ?? CurrentSpan).After(), $"Invalid number of arguments `{passed}` passed to `{caller}` while expecting `{required}` arguments");
        }

        if (function.ParamsKind == ParamsKind.None && values.Count > parameterCount)
        {
            var errorSpan = values.Count <= argumentCount
                ? ArgumentSpan(pipeFrom, arguments, values.Count - 1) ?? (caller?.Span ?? CurrentSpan).After()
                : (caller?.Span ?? CurrentSpan).After();
            throw new TemplateRuntimeException(errorSpan, $"Invalid number of arguments `{values.Count}` passed to `{caller}` while expecting `{parameterCount}` arguments");
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

    private ulong BindArgument(Node? caller, Expression argument, ICallable function, ArgumentList values, ulong mask)
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
                var converted = ConvertArgument(caller, item, function.GetParameter(values.Count).Kind);
                mask = SetArgument(index, converted, function, values, mask, parameterCount);
                index++;
            }

            return mask;
        }

        value = ConvertArgument(argument, value, function.GetParameter(index).Kind);
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
        var values = RentArguments();
        var entered = false;
        try
        {
            var mask = 0UL;
            var parameterCount = function.ParameterCount;
            foreach (var argument in arguments)
            {
                var index = values.Count;
                var converted = ConvertArgument(caller, argument, function.GetParameter(index).Kind);
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
                throw new TemplateRuntimeException((caller?.Span ?? CurrentSpan).After(), $"Invalid number of arguments `{System.Numerics.BitOperations.PopCount(mask & requiredMask)}` passed to `{caller}` while expecting `{required}` arguments");
            }

            EnterRecursive(caller);
            entered = true;
            return function.Invoke(this, caller, values, null);
        }
        catch (Exception ex) when (ex is not TemplateRuntimeException and not OperationCanceledException and not TemplateArgumentException && caller is not null)
        {
            throw Wrap(caller, ex);
        }
        finally
        {
            if (entered)
            {
                ExitRecursive();
                Flow = FlowState.None;
            }

            ReturnArguments(values);
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
