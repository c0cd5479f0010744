namespace Scaffolder.Templating.Runtime;

/// <summary>
/// An object whose members templates can read and (usually) write: template objects, arrays with
/// properties, loop state, builtin objects, scopes.
/// </summary>
internal interface IScriptObject
{
    int Count { get; }

    IEnumerable<string> Keys { get; }

    bool Contains(string name);

    bool TryGetValue(string name, out object? value);

    bool CanWrite(string name);

    /// <summary>Sets a member; false when it is read-only.</summary>
    bool TrySetValue(string name, object? value, bool readOnly);

    bool Remove(string name);

    void SetReadOnly(string name, bool readOnly);
}
