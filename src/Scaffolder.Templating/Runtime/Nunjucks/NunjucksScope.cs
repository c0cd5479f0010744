namespace Scaffolder.Templating.Runtime.Nunjucks;

/// <summary>
/// The current frame chain seen as a scope of the shared runtime, above the context (the model):
/// names are read from the frames first, then from the context, as Nunjucks'
/// <c>contextOrFrameLookup</c> does. Writes go through <see cref="NunjucksFrame"/>, never through here.
/// </summary>
internal sealed class NunjucksScope : IScriptObject
{
    public NunjucksScope(NunjucksFrame frame) => Frame = frame;

    public NunjucksFrame Frame { get; set; }

    public int Count => Frame.Names.Count();

    public IEnumerable<string> Keys => Frame.Names;

    public bool Contains(string name) => Frame.TryLookup(name, out _);

    public bool TryGetValue(string name, out object? value) => Frame.TryLookup(name, out value);

    public bool CanWrite(string name) => false;

    public bool TrySetValue(string name, object? value, bool readOnly) => false;

    public bool Remove(string name) => false;

    public void SetReadOnly(string name, bool readOnly)
    {
    }
}
