using System.Diagnostics;
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

    private readonly List<StringBuilder> _outputs = [];
    private readonly Stack<StringBuilder> _spareBuilders = new();
    private StringBuilder _output = null!;
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
    private Stopwatch? _stopwatch;

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
        TemplateName = templateName;
        Flow = FlowState.None;
        EnableOutput = true;
        _output = RentBuilder();
        _outputs.Add(_output);
        _deadline = 0;
        if (settings.Timeout is { } timeout && timeout > TimeSpan.Zero)
        {
            _stopwatch ??= new Stopwatch();
            _stopwatch.Restart();
            _deadline = (long)timeout.TotalMilliseconds;
        }

        InitializeScopes(settings);
    }

    private void Cleanup()
    {
        foreach (var output in _outputs)
        {
            ReturnBuilder(output);
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

    private StringBuilder RentBuilder() => _spareBuilders.Count > 0 ? _spareBuilders.Pop() : new StringBuilder(256);

    private void ReturnBuilder(StringBuilder builder)
    {
        // Very large buffers are dropped so that an idle thread does not pin them.
        if (builder.Capacity <= 64 * 1024)
        {
            builder.Clear();
            _spareBuilders.Push(builder);
        }
    }

    // ---------------------------------------------------------------- evaluation entry points

    /// <summary>Evaluates an expression; a function value is called unless <paramref name="alias"/> asks for the function itself.</summary>
    public object? Evaluate(Expression node, bool alias = false)
    {
        var previousLevel = _level;
        var previousDisabled = _callDisabled;
        var previousNode = CurrentNode;
        _level = 0;
        _callDisabled = alias;
        CurrentNode = node;
        try
        {
            return node.Evaluate(this);
        }
        catch (Exception ex) when (ex is not TemplateRuntimeException and not OperationCanceledException)
        {
            throw Wrap(node, ex);
        }
        finally
        {
            _level = previousLevel;
            _callDisabled = previousDisabled;
            CurrentNode = previousNode;
        }
    }

    public object? Execute(Statement node)
    {
        var previousLevel = _level;
        var previousDisabled = _callDisabled;
        var previousNode = CurrentNode;
        _level = 0;
        _callDisabled = false;
        CurrentNode = node;
        try
        {
            return node.Execute(this);
        }
        catch (Exception ex) when (ex is not TemplateRuntimeException and not OperationCanceledException)
        {
            throw Wrap(node, ex);
        }
        finally
        {
            _level = previousLevel;
            _callDisabled = previousDisabled;
            CurrentNode = previousNode;
        }
    }

    private static TemplateRuntimeException Wrap(Node node, Exception ex) => ex switch
    {
        InsufficientExecutionStackException => new TemplateLimitExceededException(node.Span, "Exceeding recursive depth limit, near to stack overflow"),
        RegexMatchTimeoutException => new TemplateLimitExceededException(node.Span, $"The regular expression timed out: {ex.Message}"),
        _ => new TemplateRuntimeException(node.Span, ex.Message, ex),
    };

    /// <summary>
    /// Reads a path (variable, member, indexer...). A function found at the end of the path is called,
    /// with pipe arguments only when the path is the outermost one.
    /// </summary>
    public object? GetValue(Expression target)
    {
        _level++;
        try
        {
            var value = target is IAssignable path ? path.GetValue(this) : Evaluate(target);
            if ((!_callDisabled || _level > 1) && value is ICallable function)
            {
                value = Call(target, function, _level == 1, null);
            }

            return value;
        }
        finally
        {
            _level--;
        }
    }

    public void SetValue(Expression target, object? value)
    {
        _level++;
        try
        {
            if (target is IAssignable path)
            {
                path.SetValue(this, value);
            }
            else
            {
                throw new TemplateRuntimeException(target.Span, "Unsupported target expression for assignment.");
            }
        }
        finally
        {
            _level--;
        }
    }

    public object? ExecuteBlock(BlockStatement block)
    {
        var statements = block.Statements;
        var autoIndent = Settings.AutoIndent;
        var previousIndent = CurrentIndent;
        var currentIndent = previousIndent;
        object? result = null;
        try
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var statement = statements[i];
                CheckAbort();
                if (statement is EscapeStatement escape)
                {
                    if (autoIndent)
                    {
                        currentIndent = escape.IsEntering ? escape.Indent : previousIndent;
                    }

                    CurrentIndent = currentIndent;
                    continue;
                }

                CurrentIndent = currentIndent;
                result = Execute(statement);
                if (!statement.CanOutput)
                {
                    result = null;
                }
                else if (result is not null && Flow != FlowState.Return && EnableOutput)
                {
                    Write(result);
                    result = null;
                }

                if (Flow != FlowState.None)
                {
                    break;
                }
            }
        }
        finally
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
        if ((++_abortCounter & 31) == 0)
        {
            CheckAbortSlow();
        }
    }

    private void CheckAbortSlow()
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        Settings.CancellationToken.ThrowIfCancellationRequested();
        if (_deadline > 0 && _stopwatch!.ElapsedMilliseconds > _deadline)
        {
            throw new TemplateLimitExceededException(CurrentSpan, $"Exceeding the render time limit of {Settings.Timeout!.Value.TotalMilliseconds:0} ms.");
        }
    }

    public void EnterRecursive(Node? node)
    {
        var span = node?.Span ?? CurrentSpan;
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new TemplateLimitExceededException(span, "Exceeding recursive depth limit, near to stack overflow");
        }

        _callDepth++;
        var limit = Settings.RecursionLimit;
        if (limit != 0 && _callDepth > limit)
        {
            throw new TemplateLimitExceededException(span, $"Exceeding number of recursive depth limit `{limit}` for node: `{node}`");
        }

        CheckAbort();
    }

    public void ExitRecursive() => _callDepth--;

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
    public void StepLoop(Node loop)
    {
        _loopStep++;
        var limit = Settings.LoopLimit;
        if (limit != 0 && _loopStep > limit)
        {
            throw new TemplateLimitExceededException(loop.Span, $"Exceeding number of iteration limit `{limit}` for loop statement.");
        }

        CheckAbort();
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
        _output = RentBuilder();
        _outputs.Add(_output);
    }

    public string PopOutput()
    {
        var top = _outputs[^1];
        _outputs.RemoveAt(_outputs.Count - 1);
        _output = _outputs[^1];
        var text = top.ToString();
        ReturnBuilder(top);
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
        var limit = Settings.OutputLimit;
        if (limit > 0 && _outputLength > limit)
        {
            throw new TemplateLimitExceededException(CurrentSpan, $"Exceeding the output size limit `{limit}`.");
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
