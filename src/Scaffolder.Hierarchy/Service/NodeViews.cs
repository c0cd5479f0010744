using System.Text.Json.Nodes;
using Scaffolder.Hierarchy.Inheritance;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Hierarchy.Projection;

namespace Scaffolder.Hierarchy.Service;

/// <summary>Builds the views callers read from stored nodes and their ancestors.</summary>
public static class NodeViews
{
    /// <param name="ancestors">The node's ancestors, root first.</param>
    public static NodeView Of(HierarchyNode node, IReadOnlyList<HierarchyNode> ancestors, EffectiveValues? effective = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(ancestors);
        effective ??= EffectiveValues.Of(ancestors).Extend(node);
        var effectiveJson = EffectiveSnapshot.Serialize(effective);
        var pending = !node.State.IsGone() && !string.Equals(node.ProvisionedJson, effectiveJson, StringComparison.Ordinal);
        return new NodeView(
            node.Id,
            node.Namespace,
            node.Name,
            node.Level.ToWire(),
            ancestors.Count > 0 ? ancestors[^1].Name : null,
            [.. ancestors.Select(a => a.Name), node.Name],
            node.Title,
            node.Description,
            node.Owner,
            node.Abstract,
            node.Tags,
            node.Config,
            new LockedKeysView(node.Locked.Tags, node.Locked.Config),
            node.State.ToWire(),
            node.Revision,
            node.PlannedRevision,
            node.ProvisionedRevision,
            pending,
            CatalogProjection.RefOf(node).ToString(),
            Effective(effective),
            node.CreatedAt,
            node.UpdatedAt);
    }

    public static EffectiveView Effective(EffectiveValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var tags = new SortedDictionary<string, InheritedValueView>(StringComparer.Ordinal);
        foreach (var (key, tag) in values.Tags)
        {
            tags[key] = new InheritedValueView(JsonValue.Create(tag.Value), tag.From.Name, tag.From.Level.ToWire(), values.TagLockedBy(key)?.Name);
        }

        var config = new SortedDictionary<string, InheritedValueView>(StringComparer.Ordinal);
        foreach (var (key, item) in values.Config)
        {
            config[key] = new InheritedValueView(item.Value.DeepClone(), item.From.Name, item.From.Level.ToWire(), values.ConfigLockedBy(key)?.Name);
        }

        var owner = values.Owner is { } o ? new InheritedValueView(JsonValue.Create(o.Value), o.From.Name, o.From.Level.ToWire(), null) : null;
        return new EffectiveView(
            owner,
            tags,
            config,
            new EffectiveLocksView(
                new SortedDictionary<string, string>(values.TagLocks.ToDictionary(l => l.Key, l => l.Value.Name), StringComparer.Ordinal),
                new SortedDictionary<string, string>(values.ConfigLocks.ToDictionary(l => l.Key, l => l.Value.Name), StringComparer.Ordinal)));
    }

    /// <summary>A node's definition and state as kept in its revisions and audit entries.</summary>
    public static JsonObject Snapshot(HierarchyNode node, string? parentName)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new JsonObject
        {
            ["namespace"] = node.Namespace,
            ["name"] = node.Name,
            ["level"] = node.Level.ToWire(),
            ["parent"] = parentName,
            ["title"] = node.Title,
            ["description"] = node.Description,
            ["owner"] = node.Owner,
            ["abstract"] = node.Abstract,
            ["tags"] = NodeJson.TagsToJson(node.Tags),
            ["config"] = NodeJson.ConfigToJson(node.Config),
            ["locked"] = node.Locked.ToJson(),
            ["state"] = node.State.ToWire(),
        };
    }
}
