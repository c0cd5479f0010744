namespace Scaffolder.Hierarchy.Model;

/// <summary>How callers name a node: its namespace and name (matched ignoring case).</summary>
public readonly record struct NodeKey(string Namespace, string Name)
{
    public const string DefaultNamespace = "default";

    public override string ToString() => $"{Namespace}/{Name}";
}
