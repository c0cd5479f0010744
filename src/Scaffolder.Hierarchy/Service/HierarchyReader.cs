using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Inheritance;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Hierarchy.Projection;
using Scaffolder.Storage.Hierarchy;

namespace Scaffolder.Hierarchy.Service;

/// <summary>
/// Reads of the hierarchy. Effective values are computed from the stored definitions on every
/// read: a node's ancestors are fetched with it (one query) and merged, so a change anywhere above
/// a node shows in its values at once.
/// </summary>
public sealed class HierarchyReader(HierarchyStore store)
{
    public const int DefaultAuditLimit = 100;
    public const int MaxAuditLimit = 1000;

    public async Task<NodeView> GetAsync(NodeKey key, CancellationToken cancellationToken = default)
    {
        var chain = await ChainAsync(key, cancellationToken);
        return NodeViews.Of(chain[^1], chain.Take(chain.Count - 1).ToList());
    }

    public async Task<NodeListView> ListAsync(NodeListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (level, state, owner, tags, limit, offset) = request.Parse();
        return await QueryAsync(
            new NodeQuery
            {
                Namespace = request.Namespace,
                Level = level,
                State = state,
                Owner = owner,
                Tags = tags.Select(t => new TagCondition(t.Key, t.Value)).ToList(),
                IncludeDeleted = request.IncludeDeleted,
                Limit = limit,
                Offset = offset,
            },
            cancellationToken);
    }

    /// <summary>The node's children, filtered like <see cref="ListAsync"/> (the namespace is the node's).</summary>
    public async Task<NodeListView> ChildrenAsync(NodeKey key, NodeListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chain = await ChainAsync(key, cancellationToken);
        var (level, state, owner, tags, limit, offset) = (request with { Namespace = key.Namespace }).Parse();
        return await QueryAsync(
            new NodeQuery
            {
                ParentId = chain[^1].Id,
                Level = level,
                State = state,
                Owner = owner,
                Tags = tags.Select(t => new TagCondition(t.Key, t.Value)).ToList(),
                IncludeDeleted = request.IncludeDeleted,
                Limit = limit,
                Offset = offset,
            },
            cancellationToken);
    }

    /// <summary>Every tree (of one namespace, when given) as nested nodes.</summary>
    public async Task<TreeView> TreeAsync(string? @namespace, bool effective, bool includeDeleted, CancellationToken cancellationToken = default)
    {
        if (@namespace is not null)
        {
            NodeRules.CheckNamespace(@namespace, "filter");
        }

        var rows = await store.GetTreeRowsAsync(@namespace, includeDeleted, effective, cancellationToken);
        return new TreeView(TreeBuilder.Forest(rows, effective), rows.Count);
    }

    /// <summary>A node and everything below it as nested nodes.</summary>
    public async Task<TreeNodeView> SubtreeAsync(NodeKey key, bool effective, bool includeDeleted, CancellationToken cancellationToken = default)
    {
        NodeRules.CheckNamespace(key.Namespace, "node");
        var (chain, descendants) = await store.GetSubtreeRowsAsync(key.Namespace, key.Name, effective, cancellationToken);
        if (chain.Count == 0)
        {
            throw HierarchyService.NotFound(key);
        }

        return TreeBuilder.Subtree(chain, includeDeleted ? descendants : descendants.Where(d => d.State != "deleted").ToList(), effective);
    }

    public async Task<RevisionListView> RevisionsAsync(NodeKey key, CancellationToken cancellationToken = default)
    {
        var node = (await ChainAsync(key, cancellationToken))[^1];
        var revisions = await store.GetRevisionsAsync(node.Id, cancellationToken);
        return new RevisionListView(node.Name, revisions.Select(Revision).ToList());
    }

    public async Task<RevisionView> RevisionAsync(NodeKey key, long revision, CancellationToken cancellationToken = default)
    {
        var node = (await ChainAsync(key, cancellationToken))[^1];
        return Revision(await RevisionRecordAsync(node, revision, cancellationToken));
    }

    /// <summary>What changed between two revisions of a node; <paramref name="to"/> defaults to the current one.</summary>
    public async Task<RevisionDiffView> DiffAsync(NodeKey key, long from, long? to, CancellationToken cancellationToken = default)
    {
        var node = (await ChainAsync(key, cancellationToken))[^1];
        var target = to ?? node.Revision;
        var before = await RevisionRecordAsync(node, from, cancellationToken);
        var after = await RevisionRecordAsync(node, target, cancellationToken);
        return new RevisionDiffView(
            node.Name, from, target, ValueDiff.Between(NodeJson.ParseObject(before.SnapshotJson), NodeJson.ParseObject(after.SnapshotJson)));
    }

    /// <summary>Audit entries, newest first, of one node (when <paramref name="key"/> is given) or the whole hierarchy.</summary>
    public async Task<AuditPageView> AuditAsync(
        NodeKey? key, string? @namespace, string? action, string? actor, int? limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var size = limit ?? DefaultAuditLimit;
        if (size is < 1 or > MaxAuditLimit)
        {
            throw new InputError($"Invalid limit {size}: expected 1 to {MaxAuditLimit}");
        }

        long? before = null;
        if (cursor is not null)
        {
            before = long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? id
                : throw new InputError($"Invalid cursor \"{cursor}\": pass the nextCursor of the previous page");
        }

        var nodeId = key is { } k ? (await ChainAsync(k, cancellationToken))[^1].Id : null;
        var entries = await store.QueryAuditAsync(
            new AuditQuery { NodeId = nodeId, Namespace = @namespace, Action = action, Actor = actor, Before = before, Limit = size },
            cancellationToken);
        var items = entries.Select(e => new AuditEntryView(
            e.Id,
            e.At,
            e.Actor,
            e.Action,
            e.Namespace,
            e.Name,
            e.Level,
            e.Revision,
            e.BeforeJson is null ? null : NodeJson.ParseObject(e.BeforeJson),
            e.AfterJson is null ? null : NodeJson.ParseObject(e.AfterJson))).ToList();
        return new AuditPageView(
            items, items.Count == size ? items[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The catalog entities of every node that is not deleted, as a Backstage location would hold them.</summary>
    public async Task<IReadOnlyList<JsonObject>> CatalogEntitiesAsync(CancellationToken cancellationToken = default)
    {
        var nodes = (await store.GetAllAsync(null, includeDeleted: false, cancellationToken)).Select(HierarchyNode.FromRecord).ToList();
        return NodeProjector.Entities(nodes);
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => store.CountAsync(cancellationToken);

    private async Task<NodeListView> QueryAsync(NodeQuery query, CancellationToken cancellationToken)
    {
        var page = await store.QueryAsync(query, cancellationToken);
        var ancestors = page.Ancestors.ToDictionary(a => a.Key, a => HierarchyNode.FromRecord(a.Value), StringComparer.Ordinal);
        var items = new List<NodeView>(page.Items.Count);
        foreach (var record in page.Items)
        {
            var node = HierarchyNode.FromRecord(record);
            var chain = new List<HierarchyNode>();
            for (var parentId = node.ParentId; parentId is not null; parentId = chain[0].ParentId)
            {
                chain.Insert(0, ancestors[parentId]);
            }

            items.Add(NodeViews.Of(node, chain));
        }

        return new NodeListView(items, page.TotalItems, query.Limit, query.Offset);
    }

    private async Task<IReadOnlyList<HierarchyNode>> ChainAsync(NodeKey key, CancellationToken cancellationToken)
    {
        NodeRules.CheckNamespace(key.Namespace, "node");
        var chain = await store.GetChainAsync(key.Namespace, key.Name, cancellationToken);
        return chain.Count > 0 ? chain.Select(HierarchyNode.FromRecord).ToList() : throw HierarchyService.NotFound(key);
    }

    private async Task<RevisionRecord> RevisionRecordAsync(HierarchyNode node, long revision, CancellationToken cancellationToken) =>
        await store.GetRevisionAsync(node.Id, revision, cancellationToken)
        ?? throw new NotFoundError($"{node} has no revision {revision}; its revisions are 1 to {node.Revision}");

    private static RevisionView Revision(RevisionRecord record) => new(
        record.Revision,
        record.Operation,
        record.State,
        record.Actor,
        record.CreatedAt,
        NodeJson.ParseObject(record.SnapshotJson),
        record.DetailsJson is null ? null : NodeJson.ParseObject(record.DetailsJson));
}
