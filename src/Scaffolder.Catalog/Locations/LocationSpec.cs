namespace Scaffolder.Catalog.Locations;

/// <summary>A location to read entities from: a reader type (<c>file</c>, <c>url</c>, …) and a target.</summary>
public readonly record struct LocationSpec(string Type, string Target)
{
    /// <summary>The <c>type:target</c> form used in location annotations and messages.</summary>
    public override string ToString() => $"{Type}:{Target}";
}
