using System.Text.Json.Nodes;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Storage.Hierarchy;

namespace Scaffolder.Hierarchy.Tests.Infrastructure;

/// <summary>Stored nodes built in memory, for tests of the pure domain code.</summary>
public static class Nodes
{
    public static HierarchyNode Node(
        string name,
        NodeLevel level,
        HierarchyNode? parent = null,
        string? owner = null,
        IReadOnlyDictionary<string, string>? tags = null,
        IReadOnlyDictionary<string, JsonNode>? config = null,
        LockedKeys? locked = null,
        NodeState state = NodeState.Created,
        string? title = null)
    {
        var definition = new NodeDefinition(
            title, null, owner, level.IsAbstractByDefault(), tags ?? new Dictionary<string, string>(), config ?? new Dictionary<string, JsonNode>(),
            locked ?? LockedKeys.None);
        var node = HierarchyNode.New($"id-{name}", new NodeKey("default", name), level, parent?.Id, definition, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        return state == NodeState.Created ? node : HierarchyNode.FromRecord(node.Record with { State = state.ToWire() });
    }

    public static Dictionary<string, string> Tags(params (string Key, string Value)[] tags) =>
        tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    public static Dictionary<string, JsonNode> Config(params (string Key, JsonNode Value)[] config) =>
        config.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);

    public static NodeRecord Record(HierarchyNode node) => node.Record;
}
