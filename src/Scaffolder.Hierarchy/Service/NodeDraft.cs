using System.Text.Json.Nodes;
using Scaffolder.Hierarchy.Model;

namespace Scaffolder.Hierarchy.Service;

/// <summary>
/// A node to create, optionally with its children (created in the same transaction). Level and
/// namespace may be left out below a parent: they follow from it.
/// </summary>
public sealed record NodeDraft
{
    public string? Namespace { get; init; }

    public required string Name { get; init; }

    public NodeLevel? Level { get; init; }

    /// <summary>Name of an existing parent node in the same namespace (top-level drafts only).</summary>
    public string? Parent { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>A Group or User ref; required on accounts, inherited by descendants when absent.</summary>
    public string? Owner { get; init; }

    public bool? Abstract { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, JsonNode> Config { get; init; } = new Dictionary<string, JsonNode>();

    public LockedKeys Locked { get; init; } = LockedKeys.None;

    public IReadOnlyList<NodeDraft> Children { get; init; } = [];

    /// <summary>Where the draft sits in the request, for messages (e.g. <c>nodes[0].children[2]</c>).</summary>
    public string Path { get; init; } = "node";
}
