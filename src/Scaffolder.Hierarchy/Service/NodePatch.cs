using System.Text.Json.Nodes;
using Scaffolder.Hierarchy.Model;

namespace Scaffolder.Hierarchy.Service;

/// <summary>
/// A partial update of a node's definition (JSON merge-patch semantics): fields left out stay as
/// they are; in <see cref="Tags"/> and <see cref="Config"/> a null value removes the key.
/// </summary>
public sealed record NodePatch
{
    public Optional<string?> Title { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<string?> Owner { get; init; }

    public bool? Abstract { get; init; }

    public IReadOnlyDictionary<string, string?>? Tags { get; init; }

    public IReadOnlyDictionary<string, JsonNode?>? Config { get; init; }

    /// <summary>Replaces the node's locks as a whole.</summary>
    public LockedKeys? Locked { get; init; }
}
