using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Processing;
using Scaffolder.Hierarchy.Inheritance;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Hierarchy.Projection;
using Scaffolder.Storage.Hierarchy;

namespace Scaffolder.Hierarchy.Service;

/// <summary>A node with its effective values and parent: everything its catalog entity is made from.</summary>
public sealed record ProjectedNode(HierarchyNode Node, EffectiveValues Effective, HierarchyNode? Parent);

/// <summary>
/// Keeps the catalog's copy of the hierarchy in step, inside the hierarchy write's own transaction:
/// the catalog never shows a node's entity out of date with the node (no stale window).
/// </summary>
public sealed class NodeProjector(EntityProviderWriter writer)
{
    /// <summary>Writes the entities of <paramref name="nodes"/>; deleted nodes' entities are removed.</summary>
    public Task ApplyAsync(HierarchyWriteSession session, IReadOnlyCollection<ProjectedNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(nodes);
        var upserts = nodes.Where(n => n.Node.State != NodeState.Deleted)
            .Select(n => CatalogProjection.Entity(n.Node, n.Effective, n.Parent))
            .ToList();
        var removals = nodes.Where(n => n.Node.State == NodeState.Deleted).Select(n => CatalogProjection.RefOf(n.Node)).ToList();
        return writer.ApplyDeltaAsync(session.Catalog, CatalogProjection.ProviderName, CatalogProjection.Origin, upserts, removals);
    }

    /// <summary>
    /// <paramref name="root"/> and every node of <paramref name="descendants"/> (shallowest first), each
    /// with the effective values it has below <paramref name="root"/>.
    /// </summary>
    public static IReadOnlyList<ProjectedNode> Subtree(ProjectedNode root, IReadOnlyList<HierarchyNode> descendants)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(descendants);
        var result = new List<ProjectedNode>(descendants.Count + 1) { root };
        var byId = new Dictionary<string, ProjectedNode>(StringComparer.Ordinal) { [root.Node.Id] = root };
        foreach (var node in descendants)
        {
            var parent = byId[node.ParentId!];
            var projected = new ProjectedNode(node, parent.Effective.Extend(node), parent.Node);
            byId[node.Id] = projected;
            result.Add(projected);
        }

        return result;
    }

    /// <summary>The entities of a whole forest (deleted nodes left out), for serving as a catalog location.</summary>
    public static IReadOnlyList<JsonObject> Entities(IReadOnlyList<HierarchyNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var result = new List<JsonObject>(nodes.Count);
        foreach (var projected in TreeWalk.TopDown(nodes))
        {
            if (projected.Node.State != NodeState.Deleted)
            {
                result.Add(CatalogProjection.Entity(projected.Node, projected.Effective, projected.Parent));
            }
        }

        return result;
    }

    public static EntityRef RefOf(HierarchyNode node) => CatalogProjection.RefOf(node);
}
