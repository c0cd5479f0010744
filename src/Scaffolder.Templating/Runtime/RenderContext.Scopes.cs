using Scaffolder.Templating.Builtins;
using Scaffolder.Templating.Syntax;

namespace Scaffolder.Templating.Runtime;

/// <summary>
/// Variable scopes, following Scriban's model: a stack of global object contexts (builtins, host
/// globals, the page, <c>with</c> targets), a stack of function scopes (parameters of parametric
/// functions) and a stack of local scopes (<c>$</c> variables). Each context also carries the stores
/// of the loops running in it.
/// </summary>
internal sealed partial class RenderContext
{
    private readonly List<Frame> _globals = [];
    private readonly List<Frame> _functions = [];
    private readonly List<Frame> _locals = [];
    private readonly Stack<Frame> _spareFrames = new();
    private readonly Stack<LoopStore> _spareLoopStores = new();
    private readonly BuiltinScope _builtinScope = new();
    private readonly PageScope _pageScope = new();
    private HostScope? _hostScope;

    private sealed class Frame
    {
        public IScriptObject? Store;
        public readonly List<LoopStore> Loops = [];
        public bool HidesParents;
    }

    /// <summary>The object that unqualified assignments write to (<c>this</c>).</summary>
    public IScriptObject CurrentGlobal => _globals[^1].Store!;

    public BuiltinScope Builtins => _builtinScope;

    private void InitializeScopes(RenderSettings settings)
    {
        _builtinScope.Reset();
        PushGlobal(_builtinScope);
        if (settings.Globals is { Count: > 0 } globals)
        {
            _hostScope ??= new HostScope();
            _hostScope.Source = globals;
            PushGlobal(_hostScope);
        }

        _pageScope.Reset(null);
        PushGlobal(_pageScope);
    }

    /// <summary>Sets the host model read below the page's own variables.</summary>
    public void SetModel(object? model) => _pageScope.Reset(model);

    private void CleanupScopes()
    {
        while (_globals.Count > 0)
        {
            ReleaseFrame(_globals, _globals.Count - 1);
        }

        while (_functions.Count > 0)
        {
            ReleaseFrame(_functions, _functions.Count - 1);
        }

        while (_locals.Count > 0)
        {
            ReleaseFrame(_locals, _locals.Count - 1);
        }

        _pageScope.Reset(null);
        _builtinScope.Reset();
        if (_hostScope is not null)
        {
            _hostScope.Source = null;
        }
    }

    private Frame RentFrame(IScriptObject? store, bool hidesParents = false)
    {
        var frame = _spareFrames.Count > 0 ? _spareFrames.Pop() : new Frame();
        frame.Store = store;
        frame.HidesParents = hidesParents;
        return frame;
    }

    private void ReleaseFrame(List<Frame> stack, int index)
    {
        var frame = stack[index];
        stack.RemoveAt(index);
        foreach (var loop in frame.Loops)
        {
            loop.Clear();
            _spareLoopStores.Push(loop);
        }

        frame.Loops.Clear();
        frame.Store = null;
        frame.HidesParents = false;
        _spareFrames.Push(frame);
    }

    public void PushGlobal(IScriptObject store)
    {
        _globals.Add(RentFrame(store));
        PushLocal();
    }

    public void PopGlobal()
    {
        ReleaseFrame(_globals, _globals.Count - 1);
        PopLocal();
    }

    /// <summary>Makes <paramref name="store"/> the target of assignments without a new local scope (object initializers).</summary>
    public void PushGlobalOnly(IScriptObject store) => _globals.Add(RentFrame(store));

    public void PopGlobalOnly() => ReleaseFrame(_globals, _globals.Count - 1);

    public void PushLocal() => _locals.Add(RentFrame(null));

    public void PopLocal() => ReleaseFrame(_locals, _locals.Count - 1);

    public void PushFunction(TemplateObject? parameters, bool hidesParents)
    {
        _functions.Add(RentFrame(parameters, hidesParents));
        PushLocal();
    }

    public void PopFunction()
    {
        ReleaseFrame(_functions, _functions.Count - 1);
        PopLocal();
    }

    private LoopStore RentLoopStore() => _spareLoopStores.Count > 0 ? _spareLoopStores.Pop() : new LoopStore();

    private void PushLoopScope()
    {
        CurrentGlobalVariableFrame().Loops.Add(RentLoopStore());
        _locals[^1].Loops.Add(RentLoopStore());
    }

    private void PopLoopScope()
    {
        PopLoopStore(CurrentGlobalVariableFrame().Loops);
        PopLoopStore(_locals[^1].Loops);
    }

    private void PopLoopStore(List<LoopStore> loops)
    {
        if (loops.Count == 0)
        {
            return;
        }

        var store = loops[^1];
        loops.RemoveAt(loops.Count - 1);
        store.Clear();
        _spareLoopStores.Push(store);
    }

    /// <summary>The innermost visible function scope that has parameters, else the current global context.</summary>
    private Frame CurrentGlobalVariableFrame()
    {
        for (var i = _functions.Count - 1; i >= 0; i--)
        {
            var frame = _functions[i];
            if (frame.Store is not null)
            {
                return frame;
            }

            if (frame.HidesParents)
            {
                break;
            }
        }

        return _globals[^1];
    }

    private static bool TryGetFromFrame(Frame frame, string name, out object? value)
    {
        var loops = frame.Loops;
        for (var i = loops.Count - 1; i >= 0; i--)
        {
            if (loops[i].TryGetValue(name, out value))
            {
                return true;
            }
        }

        if (frame.Store is { } store && store.TryGetValue(name, out value))
        {
            return true;
        }

        value = null;
        return false;
    }

    public object? GetVariable(VariableExpression variable)
    {
        object? value;
        if (variable.IsLocal)
        {
            if (TryGetFromFrame(_locals[^1], variable.FullName, out value))
            {
                return value;
            }
        }
        else
        {
            var name = variable.Name;
            for (var i = _functions.Count - 1; i >= 0; i--)
            {
                var frame = _functions[i];
                if (TryGetFromFrame(frame, name, out value))
                {
                    return value;
                }

                if (frame.HidesParents)
                {
                    break;
                }
            }

            for (var i = _globals.Count - 1; i >= 0; i--)
            {
                if (TryGetFromFrame(_globals[i], name, out value))
                {
                    return value;
                }
            }
        }

        if (Settings.StrictVariables)
        {
            throw new TemplateRuntimeException(variable.Span, $"The variable or function `{variable}` was not found");
        }

        return null;
    }

    /// <summary>Reads a global name without strictness (used by the runtime itself, e.g. <c>date</c>).</summary>
    public object? GetGlobal(string name)
    {
        for (var i = _globals.Count - 1; i >= 0; i--)
        {
            if (TryGetFromFrame(_globals[i], name, out var value))
            {
                return value;
            }
        }

        return null;
    }

    public void SetVariable(VariableExpression variable, object? value, bool readOnly = false)
    {
        var store = GetStoreForWrite(variable);
        if (!store.TrySetValue(variable.FullName, value, readOnly))
        {
            throw new TemplateRuntimeException(variable.Span, $"Cannot set value on the readonly variable `{variable}`");
        }
    }

    /// <summary>Defines a local in the current scope even if a read-only one exists (arguments, block delegates).</summary>
    public void ForceLocal(string fullName, object? value, bool readOnly)
    {
        var frame = _locals[^1];
        var store = frame.Store as TemplateObject;
        if (store is null)
        {
            store = new TemplateObject();
            frame.Store = store;
        }

        store.SetValue(fullName, value, readOnly);
    }

    public void SetReadOnly(VariableExpression variable)
    {
        var store = GetStoreForWrite(variable);
        store.SetReadOnly(variable.FullName, true);
    }

    public void SetLoopVariable(VariableExpression variable, object? value)
    {
        var loops = variable.IsLocal ? _locals[^1].Loops : CurrentGlobalVariableFrame().Loops;
        loops[^1].TrySetValue(variable.FullName, value, false);
    }

    /// <summary>Stores the loop state object (<c>for</c>, <c>while</c>, <c>tablerow</c>) of the current loop.</summary>
    public void SetLoopState(string name, object value) => CurrentGlobalVariableFrame().Loops[^1].TrySetValue(name, value, false);

    private IScriptObject GetStoreForWrite(VariableExpression variable)
    {
        if (variable.IsLocal)
        {
            var frame = _locals[^1];
            if (frame.Store is null)
            {
                frame.Store = new TemplateObject();
            }

            return frame.Store;
        }

        var name = variable.Name;
        var currentGlobal = _globals[^1].Store!;
        IScriptObject? firstFunctionStore = null;
        for (var i = _functions.Count - 1; i >= 0; i--)
        {
            var frame = _functions[i];
            if (frame.Store is { } store)
            {
                firstFunctionStore ??= store;
                if (store.Contains(name))
                {
                    CheckCanWrite(variable, store);
                    return store;
                }
            }

            if (frame.HidesParents)
            {
                break;
            }
        }

        if (firstFunctionStore is null || ContainsInGlobals(name))
        {
            CheckCanWrite(variable, currentGlobal);
            return currentGlobal;
        }

        CheckCanWrite(variable, firstFunctionStore);
        return firstFunctionStore;
    }

    private bool ContainsInGlobals(string name)
    {
        for (var i = _globals.Count - 1; i >= 0; i--)
        {
            if (_globals[i].Store?.Contains(name) == true)
            {
                return true;
            }
        }

        return false;
    }

    private void CheckCanWrite(VariableExpression variable, IScriptObject store)
    {
        if (!store.CanWrite(variable.FullName))
        {
            var kind = store == _builtinScope ? "builtin " : string.Empty;
            throw new TemplateRuntimeException(variable.Span, $"Cannot set the {kind}readonly variable `{variable}`");
        }
    }

    /// <summary>Copies the members of <paramref name="value"/> into the current global object (<c>import</c>).</summary>
    public void Import(SourceSpan span, object value)
    {
        var target = CurrentGlobal;
        switch (value)
        {
            case TemplateObject source:
                foreach (var (name, member) in source)
                {
                    if (target.CanWrite(name))
                    {
                        target.TrySetValue(name, member, false);
                    }
                }

                break;
            case IScriptObject source when source is not TemplateArray:
                foreach (var name in source.Keys.ToList())
                {
                    if (target.CanWrite(name) && source.TryGetValue(name, out var member))
                    {
                        target.TrySetValue(name, member, false);
                    }
                }

                break;
            default:
                if (ObjectAccess.IsObjectLike(value) && ObjectAccess.TryEnumerateMembers(this, value, out var members))
                {
                    foreach (var (name, member) in members)
                    {
                        if (target.CanWrite(name))
                        {
                            target.TrySetValue(name, member, false);
                        }
                    }

                    break;
                }

                throw new TemplateRuntimeException(span, $"Unexpected value `{TypeName(value)}` for import. Expecting an plain script object.");
        }
    }

    /// <summary>
    /// A builtin object that a template modifies (<c>date.format = ...</c>) is copied for this render
    /// only; later reads of its name see the copy.
    /// </summary>
    public TemplateObject GetWritableBuiltin(BuiltinObject builtin) => _builtinScope.GetWritableCopy(builtin);

    /// <summary>The builtins: shared, read-only definitions plus this render's modified copies.</summary>
    internal sealed class BuiltinScope : IScriptObject
    {
        private Dictionary<string, TemplateObject>? _copies;

        public int Count => BuiltinLibrary.Globals.Count;

        public IEnumerable<string> Keys => BuiltinLibrary.Globals.Keys;

        public void Reset() => _copies?.Clear();

        public bool IsCopyOf(object? value, string name) =>
            value is TemplateObject copy && _copies is not null && _copies.TryGetValue(name, out var existing) && ReferenceEquals(existing, copy);

        public TemplateObject GetWritableCopy(BuiltinObject builtin)
        {
            _copies ??= new Dictionary<string, TemplateObject>(StringComparer.Ordinal);
            if (!_copies.TryGetValue(builtin.Name, out var copy))
            {
                copy = builtin.CreateCopy();
                _copies[builtin.Name] = copy;
            }

            return copy;
        }

        public bool Contains(string name) => BuiltinLibrary.Globals.ContainsKey(name);

        public bool TryGetValue(string name, out object? value)
        {
            if (_copies is not null && _copies.TryGetValue(name, out var copy))
            {
                value = copy;
                return true;
            }

            if (BuiltinLibrary.Globals.TryGetValue(name, out var builtin))
            {
                value = builtin;
                return true;
            }

            value = null;
            return false;
        }

        public bool CanWrite(string name) => !BuiltinLibrary.Globals.ContainsKey(name);

        public bool TrySetValue(string name, object? value, bool readOnly) => false;

        public bool Remove(string name) => false;

        public void SetReadOnly(string name, bool readOnly)
        {
        }
    }

    /// <summary>Host-provided globals: read-only, values normalized on read.</summary>
    private sealed class HostScope : IScriptObject
    {
        public IReadOnlyDictionary<string, object?>? Source;

        public int Count => Source?.Count ?? 0;

        public IEnumerable<string> Keys => Source?.Keys ?? [];

        public bool Contains(string name) => Source?.ContainsKey(name) ?? false;

        public bool TryGetValue(string name, out object? value)
        {
            if (Source is not null && Source.TryGetValue(name, out var raw))
            {
                value = ObjectAccess.FromHost(raw);
                return true;
            }

            value = null;
            return false;
        }

        public bool CanWrite(string name) => true;

        public bool TrySetValue(string name, object? value, bool readOnly) => false;

        public bool Remove(string name) => false;

        public void SetReadOnly(string name, bool readOnly)
        {
        }
    }
}

/// <summary>
/// The page's global object: the template's own variables, with the host model readable below them.
/// Assignments never modify the model; they shadow it.
/// </summary>
internal sealed class PageScope : IScriptObject
{
    private readonly TemplateObject _own = new();
    private object? _model;

    public void Reset(object? model)
    {
        _own.Clear();
        _model = model;
    }

    public int Count => Keys.Count();

    public IEnumerable<string> Keys
    {
        get
        {
            var seen = new HashSet<string>(_own.Keys, StringComparer.Ordinal);
            foreach (var key in _own.Keys)
            {
                yield return key;
            }

            if (_model is not null && ObjectAccess.TryGetKeys(_model, out var modelKeys))
            {
                foreach (var key in modelKeys)
                {
                    if (seen.Add(key))
                    {
                        yield return key;
                    }
                }
            }
        }
    }

    public bool Contains(string name) => _own.Contains(name) || (_model is not null && ObjectAccess.HasMember(_model, name));

    public bool TryGetValue(string name, out object? value)
    {
        if (_own.TryGetValue(name, out value))
        {
            return true;
        }

        return _model is not null && ObjectAccess.TryGetHostMember(_model, name, out value);
    }

    public bool CanWrite(string name) => _own.CanWrite(name);

    public bool TrySetValue(string name, object? value, bool readOnly) => _own.TrySetValue(name, value, readOnly);

    public bool Remove(string name) => _own.Remove(name);

    public void SetReadOnly(string name, bool readOnly)
    {
        if (!_own.Contains(name) && _model is not null && ObjectAccess.TryGetHostMember(_model, name, out var modelValue))
        {
            _own.SetValue(name, modelValue);
        }

        _own.SetReadOnly(name, readOnly);
    }
}
