using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Runtime;

internal enum FlowState
{
    None,
    Break,
    Continue,
    Return,
}

/// <summary>
/// The state of one render: output buffers, variable scopes, loop and recursion counters, limits.
/// A compiled template is immutable and shared; everything mutable during a render lives here.
/// </summary>
internal sealed partial class RenderContext
{
    [ThreadStatic]
    private static RenderContext? s_cached;

    private readonly List<OutputBuffer> _outputs = [];
    private readonly Stack<OutputBuffer> _spareBuffers = new();
    private OutputBuffer _output = null!;
    private long _outputLength;
    private bool _previousTextWasNewLine;

    private int _level;
    private bool _callDisabled;
    private int _callDepth;
    private int _loopDepth;
    private long _loopStep;
    private int _activeLoops;
    private int _abortCounter;
    private long _deadline;
    private long _outputLimit;
    private int _loopLimit;

    private RenderContext()
    {
    }

    public RenderSettings Settings { get; private set; } = null!;

    public CultureInfo Culture => Settings.Culture;

    public string TemplateName { get; private set; } = "text";

    public string? CurrentIndent { get; set; }

    public FlowState Flow { get; set; }

    public Node? CurrentNode { get; private set; }

    public SourceSpan CurrentSpan => CurrentNode?.Span ?? new SourceSpan(TemplateName, TextPosition.None, TextPosition.None);

    public bool IsInLoop => _activeLoops > 0;

    public bool EnableOutput { get; set; } = true;

    /// <summary>True while evaluating a path whose function values must be returned, not called.</summary>
    public bool AllowPipeArguments => _level <= 1;

    /// <summary>Takes a context for one render, reusing this thread's idle one when possible.</summary>
    public static RenderContext Rent(RenderSettings settings, string templateName)
    {
        var context = s_cached ?? new RenderContext();
        s_cached = null;
        context.Initialize(settings, templateName);
        return context;
    }

    /// <summary>Gives the context back once the render is over (success or failure).</summary>
    public static void Return(RenderContext context)
    {
        context.Cleanup();
        s_cached = context;
    }

    private void Initialize(RenderSettings settings, string templateName)
    {
        Settings = settings;
        _outputLimit = settings.OutputLimit > 0 ? settings.OutputLimit : long.MaxValue;
        _loopLimit = settings.LoopLimit;
        TemplateName = templateName;
        Flow = FlowState.None;
        EnableOutput = true;
        _output = RentBuffer();
        _outputs.Add(_output);
        _deadline = 0;
        if (settings.Timeout is { } timeout && timeout > TimeSpan.Zero)
        {
            // The coarse tick count is cheap to read, and millisecond precision is enough for a time limit.
            _deadline = Environment.TickCount64 + (long)Math.Ceiling(timeout.TotalMilliseconds);
        }

        InitializeScopes(settings);
    }

    private void Cleanup()
    {
        foreach (var output in _outputs)
        {
            ReturnBuffer(output);
        }

        _outputs.Clear();
        _output = null!;
        _outputLength = 0;
        _previousTextWasNewLine = false;
        _level = 0;
        _callDisabled = false;
        _callDepth = 0;
        _loopDepth = 0;
        _loopStep = 0;
        _activeLoops = 0;
        CurrentIndent = null;
        CurrentNode = null;
        CleanupScopes();
        CleanupCalls();
        Settings = null!;
    }

    private OutputBuffer RentBuffer() => _spareBuffers.Count > 0 ? _spareBuffers.Pop() : new OutputBuffer();

    private void ReturnBuffer(OutputBuffer buffer)
    {
        buffer.Clear();
        _spareBuffers.Push(buffer);
    }

    // ---------------------------------------------------------------- evaluation entry points

    /// <summary>Evaluates an expression; a function value is called unless <paramref name="alias"/> asks for the function itself.</summary>
    /// <remarks>
    /// Kept small and free of exception handling so it inlines: .NET exceptions are located by the
    /// enclosing call (for builtins and host functions) or statement.
    /// </remarks>
    public object? Evaluate(Expression node, bool alias = false)
    {
        // No finally: an exception ends the render, and the context is reset before reuse.
        var previousLevel = _level;
        var previousDisabled = _callDisabled;
        _level = 0;
        _callDisabled = alias;
        var result = node.Evaluate(this);
        _level = previousLevel;
        _callDisabled = previousDisabled;
        return result;
    }

    public object? Execute(Statement node)
    {
        var previousLevel = _level;
        var previousDisabled = _callDisabled;
        _level = 0;
        _callDisabled = false;
        object? result;
        try
        {
            result = node.Execute(this);
        }
        catch (Exception ex) when (ex is not TemplateRuntimeException and not OperationCanceledException)
        {
            throw Wrap(node, ex);
        }

        _level = previousLevel;
        _callDisabled = previousDisabled;
        return result;
    }

    /// <summary>Evaluates an expression outside any statement (expression-only dialects), locating .NET failures at it.</summary>
    public object? EvaluateTopLevel(Expression node)
    {
        try
        {
            return Evaluate(node);
        }
        catch (Exception ex) when (ex is not TemplateRuntimeException and not OperationCanceledException)
        {
            throw Wrap(node, ex);
        }
    }

    internal static TemplateRuntimeException Wrap(Node node, Exception ex) => Wrap(node.Span, ex);

    /// <summary>A .NET failure (or an unlocated limit) as a template error at <paramref name="span"/>.</summary>
    internal static TemplateRuntimeException Wrap(SourceSpan span, Exception ex) => ex switch
    {
        UnlocatedLimitException limit => new TemplateLimitExceededException(span, limit.Message),
        InsufficientExecutionStackException => new TemplateLimitExceededException(span, "Exceeding recursive depth limit, near to stack overflow"),
        RegexMatchTimeoutException => new TemplateLimitExceededException(span, $"The regular expression timed out: {ex.Message}"),
        _ => new TemplateRuntimeException(span, ex.Message, ex),
    };

    /// <summary>
    /// Reads a path (variable, member, indexer...). A function found at the end of the path is called,
    /// with pipe arguments only when the path is the outermost one.
    /// </summary>
    public object? GetValue(Expression target)
    {
        _level++;
        var value = target.GetPathValue(this);
        if ((!_callDisabled || _level > 1) && Callables.TryGet(value, out var function))
        {
            value = Call(target, function, _level == 1, null);
        }

        _level--;
        return value;
    }

    public void SetValue(Expression target, object? value)
    {
        if (target is not IAssignable path)
        {
            throw new TemplateRuntimeException(target.Span, "Unsupported target expression for assignment.");
        }

        _level++;
        path.SetValue(this, value);
        _level--;
    }

    public object? ExecuteBlock(BlockStatement block)
    {
        var plan = block.Plan;
        var index = 0;
        try
        {
            return RunBlock(plan, ref index);
        }
        catch (Exception ex) when (ex is not TemplateRuntimeException and not OperationCanceledException && index < plan.Statements.Length)
        {
            throw Wrap(plan.Statements[index], ex);
        }
    }

    /// <summary>The statement loop, kept free of exception handling so that it compiles tight.</summary>
    private object? RunBlock(BlockPlan plan, ref int index)
    {
        var statements = plan.Statements;
        var indents = plan.Indents;
        var outputs = plan.Outputs;
        var previousIndent = CurrentIndent;
        object? result = null;
        for (var i = 0; i < statements.Length; i++)
        {
            index = i;

            // Written only when it changes: a reference store costs a GC write barrier.
            var indent = indents[i] ?? previousIndent;
            if (!ReferenceEquals(indent, CurrentIndent))
            {
                CurrentIndent = indent;
            }

            var statement = statements[i];
            if (statement is RawStatement raw)
            {
                // Text between code blocks, the commonest statement.
                Write(raw.Source, raw.Index, raw.Length);
                continue;
            }

            result = statement.Execute(this);
            if (!outputs[i])
            {
                result = null;
            }
            else if (result is not null && Flow != FlowState.Return && EnableOutput)
            {
                if (result is string text)
                {
                    Write(text, 0, text.Length);
                }
                else
                {
                    Write(result);
                }

                result = null;
            }

            if (Flow != FlowState.None)
            {
                break;
            }
        }

        if (!ReferenceEquals(previousIndent, CurrentIndent))
        {
            CurrentIndent = previousIndent;
        }

        return result;
    }

    // ---------------------------------------------------------------- limits

    /// <summary>Stops runaway templates: stack depth, cancellation and the wall-clock deadline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CheckAbort()
    {
        if ((++_abortCounter & 255) == 0)
        {
            CheckAbortSlow();
        }
    }

    // Not inlined: it reads the clock through a native call, whose frame setup would burden every loop.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckAbortSlow()
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        Settings.CancellationToken.ThrowIfCancellationRequested();
        if (_deadline > 0 && Environment.TickCount64 > _deadline)
        {
            throw new UnlocatedLimitException($"Exceeding the render time limit of {Settings.Timeout!.Value.TotalMilliseconds:0} ms.");
        }
    }

    public void EnterRecursive(Node? node)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new TemplateLimitExceededException(node?.Span ?? CurrentSpan, "Exceeding recursive depth limit, near to stack overflow");
        }

        _callDepth++;
        var limit = Settings.RecursionLimit;
        if (limit != 0 && _callDepth > limit)
        {
            throw new TemplateLimitExceededException(node?.Span ?? CurrentSpan, $"Exceeding number of recursive depth limit `{limit}` for node: `{node}`");
        }

        CheckAbort();
    }

    public void ExitRecursive() => _callDepth--;

    private readonly Stack<LoopState> _spareLoopStates = new();

    /// <summary>A loop's <c>for</c>/<c>while</c> object, reused across the loops of a render.</summary>
    public LoopState RentLoopState(bool isTableRow)
    {
        if (_spareLoopStates.TryPop(out var state))
        {
            state.Reset(isTableRow);
            return state;
        }

        return new LoopState { IsTableRow = isTableRow };
    }

    /// <summary>Takes back a finished loop's object unless the template kept a reference to it.</summary>
    public void ReturnLoopState(LoopState state)
    {
        if (!state.Escaped && _spareLoopStates.Count < 64)
        {
            state.Reset(isTableRow: false);
            _spareLoopStates.Push(state);
        }
    }

    public void EnterLoop()
    {
        if (_loopDepth == 0)
        {
            _loopStep = 0;
        }

        _loopDepth++;
        _activeLoops++;
        PushLoopScope();
    }

    public void ExitLoop()
    {
        PopLoopScope();
        _activeLoops--;
        _loopDepth--;
        if (_loopDepth == 0)
        {
            _loopStep = 0;
        }
    }

    /// <summary>Counts one iteration of <paramref name="loop"/> against the loop limit.</summary>
    public void StepLoop(Node loop) => StepLoop(loop.Span);

    /// <summary>Counts one iteration of the loop at <paramref name="span"/> against the loop limit.</summary>
    public void StepLoop(SourceSpan span)
    {
        _loopStep++;
        var limit = _loopLimit;
        if (limit != 0 && _loopStep > limit)
        {
            throw new TemplateLimitExceededException(span, $"Exceeding number of iteration limit `{limit}` for loop statement.");
        }

        CheckAbort();
    }

    /// <summary>Like <see cref="CheckSize(SourceSpan, long)"/>, located by the enclosing expression.</summary>
    public void CheckSize(long size)
    {
        var limit = Settings.OutputLimit;
        if (limit > 0 && size > limit)
        {
            throw new UnlocatedLimitException($"Exceeding the output size limit `{limit}`.");
        }
    }

    /// <summary>Rejects a string or collection that would exceed the output size limit.</summary>
    public void CheckSize(SourceSpan span, long size)
    {
        var limit = Settings.OutputLimit;
        if (limit > 0 && size > limit)
        {
            throw new TemplateLimitExceededException(span, $"Exceeding the output size limit `{limit}`.");
        }
    }

    // ---------------------------------------------------------------- output

    public void PushOutput()
    {
        _output = RentBuffer();
        _outputs.Add(_output);
    }

    public string PopOutput()
    {
        var top = _outputs[^1];
        _outputs.RemoveAt(_outputs.Count - 1);
        _output = _outputs[^1];
        var text = top.ToString();
        ReturnBuffer(top);
        return text;
    }

    public string OutputText => _output.ToString();

    public bool PreviousTextWasNewLine
    {
        get => _previousTextWasNewLine;
        set => _previousTextWasNewLine = value;
    }

    public void Write(object value)
    {
        var text = ToText(value);
        if (text is not null)
        {
            Write(text, 0, text.Length);
        }
    }

    public void Write(string text) => Write(text, 0, text.Length);

    public void Write(string text, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }

        var indent = CurrentIndent;
        if (string.IsNullOrEmpty(indent))
        {
            _previousTextWasNewLine = text[start + count - 1] == '\n';
            WriteChunk(text, start, count);
            return;
        }

        var index = start;
        var end = start + count;
        while (index < end)
        {
            var newLine = text.IndexOf('\n', index, end - index);
            if (newLine < 0)
            {
                if (_previousTextWasNewLine)
                {
                    WriteChunk(indent, 0, indent.Length);
                    _previousTextWasNewLine = false;
                }

                WriteChunk(text, index, end - index);
                break;
            }

            var length = newLine - index;
            if (_previousTextWasNewLine && (Settings.IndentOnEmptyLines || (length != 0 && (length != 1 || text[index] != '\r'))))
            {
                WriteChunk(indent, 0, indent.Length);
                _previousTextWasNewLine = false;
            }

            WriteChunk(text, index, length + 1);
            index = newLine + 1;
            _previousTextWasNewLine = true;
        }
    }

    private void WriteChunk(string text, int start, int count)
    {
        _outputLength += count;
        if (_outputLength > _outputLimit)
        {
            throw new UnlocatedLimitException($"Exceeding the output size limit `{_outputLimit}`.");
        }

        _output.Append(text, start, count);
    }
}

/// <summary>Iteration done inside builtins counts against the loop limit, like Scriban.</summary>
internal sealed partial class RenderContext
{
    public InternalLoopScope EnterInternalLoop()
    {
        if (_loopDepth == 0)
        {
            _loopStep = 0;
        }

        _loopDepth++;
        return new InternalLoopScope(this);
    }

    public void StepInternal(SourceSpan span)
    {
        _loopStep++;
        var limit = Settings.LoopLimit;
        if (limit != 0 && _loopStep > limit)
        {
            throw new TemplateLimitExceededException(span, $"Exceeding number of iteration limit `{limit}` for internal iteration.");
        }

        CheckAbort();
    }

    private void ExitInternalLoop()
    {
        _loopDepth--;
        if (_loopDepth == 0)
        {
            _loopStep = 0;
        }
    }

    public readonly struct InternalLoopScope : IDisposable
    {
        private readonly RenderContext _context;

        public InternalLoopScope(RenderContext context) => _context = context;

        public void Dispose() => _context.ExitInternalLoop();
    }
}

/// <summary>
/// A limit hit where no location is at hand (output writes, time checks); the enclosing statement
/// or expression turns it into a <see cref="TemplateLimitExceededException"/> with its location.
/// </summary>
internal sealed class UnlocatedLimitException(string message) : Exception(message);
