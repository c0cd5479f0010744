using System.Text.Json.Nodes;

namespace Scaffolder.Hierarchy.Model;

/// <summary>What a node's author sets on it: everything editable except where it sits in the tree.</summary>
public sealed record NodeDefinition(
    string? Title,
    string? Description,
    string? Owner,
    bool Abstract,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, JsonNode> Config,
    LockedKeys Locked);
