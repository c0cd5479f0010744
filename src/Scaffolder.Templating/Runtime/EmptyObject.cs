namespace Scaffolder.Templating.Runtime;

/// <summary>The <c>empty</c>/<c>blank</c> value: falsy, prints nothing, equal to any empty value.</summary>
internal sealed class EmptyObject : IScriptObject
{
    public static readonly EmptyObject Instance = new();

    private EmptyObject()
    {
    }

    public int Count => 0;

    public IEnumerable<string> Keys => [];

    public bool Contains(string name) => false;

    public bool TryGetValue(string name, out object? value)
    {
        value = null;
        return false;
    }

    public bool CanWrite(string name) => false;

    public bool TrySetValue(string name, object? value, bool readOnly) => false;

    public bool Remove(string name) => false;

    public void SetReadOnly(string name, bool readOnly)
    {
    }

    public override string ToString() => string.Empty;
}
