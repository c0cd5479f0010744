using System.Runtime.CompilerServices;
using Scaffolder.Templating.Runtime.JavaScript;
using Scaffolder.Templating.Syntax;
using Scaffolder.Templating.Syntax.Nunjucks;

namespace Scaffolder.Templating.Runtime.Nunjucks;

/// <summary>
/// Runs a parsed Nunjucks template on the shared runtime with JavaScript value rules: statements
/// follow what Nunjucks compiles them to (frames, loop variables, <c>set</c> resolution), expressions
/// are evaluated by the runtime, limits come from the render settings.
/// </summary>
internal sealed class NunjucksRenderer
{
    private readonly RenderContext _context;
    private readonly NunjucksScope _scope;

    private NunjucksRenderer(RenderContext context, NunjucksScope scope)
    {
        _context = context;
        _scope = scope;
    }

    /// <summary>Renders with settings and a model (runtime values) prepared by the caller.</summary>
    public static string Render(NunjucksBody body, RenderSettings settings, string name, object? values)
    {
        var context = RenderContext.Rent(settings, name);
        try
        {
            context.SetModel(values);
            var scope = new NunjucksScope(new NunjucksFrame(null));
            context.PushGlobal(scope);
            new NunjucksRenderer(context, scope).Execute(body);
            return context.OutputText;
        }
        finally
        {
            RenderContext.Return(context);
        }
    }

    private void Execute(NunjucksBody body)
    {
        foreach (var node in body.Nodes)
        {
            try
            {
                _context.CheckAbort();
                switch (node)
                {
                    case TextNode text:
                        _context.Write(text.Text);
                        break;
                    case OutputNode output:
                        WriteValue(Evaluate(output.Expression));
                        break;
                    case IfNode branch:
                        ExecuteIf(branch);
                        break;
                    case ForNode loop:
                        ExecuteFor(loop);
                        break;
                    case SetNode set:
                        ExecuteSet(set);
                        break;
                    case FilterBlockNode filter:
                        ExecuteFilter(filter);
                        break;
                    case SwitchNode choice:
                        ExecuteSwitch(choice);
                        break;
                    case BlockNode block:
                        ExecuteInFrame(block.Body, new NunjucksFrame(_scope.Frame, isolateWrites: true));
                        break;
                }
            }
            catch (Exception ex) when (ex is not TemplateRuntimeException and not OperationCanceledException)
            {
                throw RenderContext.Wrap(node.Span, ex);
            }
        }
    }

    private object? Evaluate(Expression expression) => _context.EvaluateTopLevel(expression);

    /// <summary>Nunjucks' <c>suppressValue</c> without autoescaping, then JavaScript string concatenation.</summary>
    private void WriteValue(object? value)
    {
        if (!JsValues.IsNullish(value))
        {
            _context.Write(JsValues.ToJsString(value));
        }
    }

    private void ExecuteIf(IfNode node)
    {
        var current = node;
        while (true)
        {
            if (JsValues.IsTruthy(Evaluate(current.Condition)))
            {
                Execute(current.Then);
                return;
            }

            // An else body that is exactly one if (an elif) runs in the same frame: walking it is equivalent.
            if (current.Otherwise is { Nodes: [IfNode elif] })
            {
                current = elif;
                continue;
            }

            if (current.Otherwise is { } otherwise)
            {
                Execute(otherwise);
            }

            return;
        }
    }

    private void ExecuteSwitch(SwitchNode node)
    {
        var value = Evaluate(node.Value);
        var matched = false;
        foreach (var (condition, body) in node.Cases)
        {
            matched = matched || JsValues.StrictEquals(value, Evaluate(condition));
            if (matched && body.Nodes.Count > 0)
            {
                Execute(body);
                return;
            }
        }

        if (node.Default is not null)
        {
            Execute(node.Default);
        }
    }

    private void ExecuteSet(SetNode node)
    {
        var value = node.Value is not null ? Evaluate(node.Value) : Capture(node.Body!);
        foreach (var target in node.Targets)
        {
            _scope.Frame.Assign(target, value);
        }
    }

    private void ExecuteInFrame(NunjucksBody body, NunjucksFrame frame)
    {
        var outer = _scope.Frame;
        _scope.Frame = frame;
        try
        {
            Execute(body);
        }
        finally
        {
            _scope.Frame = outer;
        }
    }

    private void ExecuteFilter(FilterBlockNode node)
    {
        var captured = Capture(node.Body);
        var outer = _scope.Frame;
        var frame = new NunjucksFrame(outer, isolateWrites: true);
        frame.Define(FilterBlockNode.CapturedName, captured);
        _scope.Frame = frame;
        object? result;
        try
        {
            result = Evaluate(node.Call);
        }
        finally
        {
            _scope.Frame = outer;
        }

        WriteValue(result);
    }

    /// <summary>The output of <paramref name="body"/> as text (block <c>set</c>, <c>filter</c>), in the current frame.</summary>
    private string Capture(NunjucksBody body)
    {
        _context.PushOutput();
        var captured = false;
        try
        {
            Execute(body);
            captured = true;
            return _context.PopOutput();
        }
        finally
        {
            if (!captured)
            {
                // Back to the enclosing buffer, which the failure leaves as the current one.
                _context.PopOutput();
            }
        }
    }

    private void ExecuteFor(ForNode node)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new TemplateLimitExceededException(node.Span, "Exceeding recursive depth limit, near to stack overflow");
        }

        var iterable = Evaluate(node.Iterable);
        var outer = _scope.Frame;
        var frame = new NunjucksFrame(outer);
        _scope.Frame = frame;
        _context.EnterLoop();
        try
        {
            var length = JsValues.IsTruthy(iterable) ? Iterate(node, frame, iterable!) : 0;
            if (length == 0 && node.Otherwise is not null)
            {
                Execute(node.Otherwise);
            }
        }
        finally
        {
            _context.ExitLoop();
            _scope.Frame = outer;
        }
    }

    /// <summary>Runs the body for each item; returns the length Nunjucks computed (0 when it has none).</summary>
    private int Iterate(ForNode node, NunjucksFrame frame, object iterable)
    {
        var loop = new Dictionary<string, object?>(7, StringComparer.Ordinal);
        if (JsValues.IsArray(iterable))
        {
            var count = ObjectAccess.ListCount(iterable);
            for (var i = 0; i < count; i++)
            {
                _context.StepLoop(node.Span);
                var item = ObjectAccess.ListItem(iterable, i);
                if (node.Destructures)
                {
                    for (var u = 0; u < node.Names.Count; u++)
                    {
                        frame.Define(node.Names[u], JsValues.ItemAt(item, u));
                    }
                }
                else
                {
                    frame.Define(node.Names[0], item);
                }

                RunIteration(node, frame, loop, i, count);
            }

            return count;
        }

        if (!node.Destructures)
        {
            if (iterable is not string text)
            {
                // `arr.length` is undefined for objects and numbers: no iterations.
                return 0;
            }

            for (var i = 0; i < text.Length; i++)
            {
                _context.StepLoop(node.Span);
                frame.Define(node.Names[0], text[i].ToString());
                RunIteration(node, frame, loop, i, text.Length);
            }

            return text.Length;
        }

        var entries = JsEntries(iterable);
        for (var i = 0; i < entries.Count; i++)
        {
            _context.StepLoop(node.Span);
            frame.Define(node.Names[0], entries[i].Key);
            frame.Define(node.Names[1], entries[i].Value);
            RunIteration(node, frame, loop, i, entries.Count);
        }

        return entries.Count;
    }

    private void RunIteration(ForNode node, NunjucksFrame frame, Dictionary<string, object?> loop, int index, int length)
    {
        loop["index"] = (double)(index + 1);
        loop["index0"] = (double)index;
        loop["revindex"] = (double)(length - index);
        loop["revindex0"] = (double)(length - index - 1);
        loop["first"] = index == 0;
        loop["last"] = index == length - 1;
        loop["length"] = (double)length;
        if (frame.Own("loop") is null)
        {
            frame.Define("loop", loop);
        }

        Execute(node.Body);
    }

    /// <summary>
    /// <c>for (k in obj)</c> over own keys, in JavaScript's order: integer keys ascending, then the
    /// others in insertion order. A string iterates its indexes.
    /// </summary>
    private static List<KeyValuePair<string, object?>> JsEntries(object value)
    {
        if (value is string text)
        {
            return text.Select((c, i) => KeyValuePair.Create(i.ToString(System.Globalization.CultureInfo.InvariantCulture), (object?)c.ToString())).ToList();
        }

        if (!JsValues.IsObject(value) || !ObjectAccess.TryEnumerateMembers(value, out var members))
        {
            return [];
        }

        return JsValues.InJsKeyOrder(members);
    }
}
