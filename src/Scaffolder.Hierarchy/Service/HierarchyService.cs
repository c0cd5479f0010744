using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Auditing;
using Scaffolder.Hierarchy.Inheritance;
using Scaffolder.Hierarchy.Lifecycle;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Storage.Hierarchy;

namespace Scaffolder.Hierarchy.Service;

/// <summary>
/// Every change to the hierarchy: create (and import), update, move and the lifecycle steps. Each
/// runs in one transaction that also writes the node's revision, its audit entry and its catalog
/// projection, so a rejected change leaves nothing behind. Writers of one tree are serialised;
/// <c>expectedRevision</c> (the caller's ETag) makes a stale write a conflict instead of a lost update.
/// </summary>
public sealed class HierarchyService(HierarchyStore store, NodeProjector projector, ICurrentIdentity identity, TimeProvider time)
{
    private const int LockAttempts = 5;

    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    /// <summary>Creates a node, and its nested children if any.</summary>
    public async Task<NodeView> CreateAsync(NodeDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var creation = await CreateManyAsync([draft], identity.Name, cancellationToken);
        return creation.Tops[0];
    }

    /// <summary>Creates every node of an estate in one transaction; <paramref name="actor"/> overrides the caller's identity.</summary>
    public async Task<ImportResultView> ImportAsync(IReadOnlyList<NodeDraft> drafts, string? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        if (drafts.Count == 0)
        {
            throw new InputError("The estate has no nodes to import");
        }

        var creation = await CreateManyAsync(drafts, actor ?? identity.Name, cancellationToken);
        return new ImportResultView(creation.Nodes.Count, creation.Tops.Select(t => t.Name).ToList());
    }

    public Task<NodeView> UpdateAsync(NodeKey key, NodePatch patch, long? expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var actor = identity.Name;
        return store.WriteAsync(
            async session =>
            {
                var (node, ancestors) = Split(await LockChainAsync(session, key));
                EnsureRevision(node, expectedRevision);
                LifecycleRules.EnsureChangeable(node, "update");
                var definition = Apply(node, patch);
                if (SameDefinition(node, definition))
                {
                    return NodeViews.Of(node, ancestors);
                }

                var inherited = EffectiveValues.Of(ancestors);
                LockRules.CheckNoOverride(node.Name, node.Level, definition, inherited);
                LockRules.CheckTagCasing(node.Name, definition.Tags, inherited);
                var tagsChanged = !SameText(NodeJson.TagsToJson(node.Tags), NodeJson.TagsToJson(definition.Tags));
                var reachesDescendants = tagsChanged || node.Owner != definition.Owner;
                var locksAdded = definition.Locked.Tags.Except(node.Locked.Tags).Any() || definition.Locked.Config.Except(node.Locked.Config).Any();
                var descendants = reachesDescendants || locksAdded ? await DescendantsAsync(session, node.Id) : [];
                LockRules.CheckNewLocks(node, node.Locked, definition.Locked, descendants);

                var updated = node.WithDefinition(definition, LifecycleRules.AfterEdit(node), Now());
                await WriteAsync(session, node, updated, tagsChanged);
                var parentName = ancestors.Count > 0 ? ancestors[^1].Name : null;
                await RecordAsync(session, actor, [new NodeChange("update", node, parentName, updated, parentName, null)]);
                var root = new ProjectedNode(updated, inherited.Extend(updated), ancestors.Count > 0 ? ancestors[^1] : null);
                await projector.ApplyAsync(session, reachesDescendants ? CheckedSubtree(root, descendants) : [root]);
                return NodeViews.Of(updated, ancestors, root.Effective);
            },
            cancellationToken);
    }

    /// <summary>Moves a node (with everything below it) under another parent of the level above it.</summary>
    public Task<NodeView> MoveAsync(NodeKey key, string newParent, long? expectedRevision, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newParent);
        var actor = identity.Name;
        return store.WriteAsync(
            async session =>
            {
                var chains = await LockChainsAsync(session, [key, key with { Name = newParent }]);
                var (node, ancestors) = Split(chains[0].Count > 0 ? chains[0] : throw NotFound(key));
                var target = chains[1].Count > 0
                    ? chains[1]
                    : throw new InputError($"Cannot move {node}: the new parent '{newParent}' does not exist in namespace '{key.Namespace}'");
                EnsureRevision(node, expectedRevision);
                LifecycleRules.EnsureChangeable(node, "move");
                if (node.Level == NodeLevel.Account)
                {
                    throw new InputError($"Cannot move {node}: an account has no parent");
                }

                if (target.Any(n => n.Id == node.Id))
                {
                    throw new InputError(
                        $"Cannot move {node} under '{newParent}': '{newParent}' is {node} itself or lies below it, so the move would make a cycle");
                }

                var parent = target[^1];
                if (parent.Level != node.Level.ParentLevel())
                {
                    throw new InputError(
                        $"Cannot move {node} under {parent}: the parent of {node.Level.WithArticle()} must be {node.Level.ParentLevel()!.Value.WithArticle()}");
                }

                if (parent.Id == node.ParentId)
                {
                    return NodeViews.Of(node, ancestors);
                }

                LifecycleRules.EnsureCanCreateUnder(parent, node.Name);
                var descendants = await DescendantsAsync(session, node.Id);
                var inherited = EffectiveValues.Of(target);
                foreach (var moved in descendants.Where(d => d.State != NodeState.Deleted).Prepend(node))
                {
                    LockRules.CheckNoOverride(moved.Name, moved.Level, moved.Definition, inherited);
                }

                var updated = node.WithParent(parent.Id, LifecycleRules.AfterEdit(node), Now());
                await WriteAsync(session, node, updated, tagsChanged: false);
                var details = new JsonObject { ["from"] = ancestors[^1].Name, ["to"] = parent.Name };
                await RecordAsync(session, actor, [new NodeChange("move", node, ancestors[^1].Name, updated, parent.Name, details)]);
                var root = new ProjectedNode(updated, inherited.Extend(updated), parent);
                await projector.ApplyAsync(session, CheckedSubtree(root, descendants));
                return NodeViews.Of(updated, target, root.Effective);
            },
            cancellationToken);
    }

    /// <summary>
    /// Plans the node: records its effective values now and returns how they differ from the values
    /// it was last provisioned with (everything is added, if it never was).
    /// </summary>
    public Task<PlanView> PlanAsync(NodeKey key, long? expectedRevision, CancellationToken cancellationToken = default)
    {
        var actor = identity.Name;
        return store.WriteAsync(
            async session =>
            {
                var (node, ancestors) = Split(await LockChainAsync(session, key));
                EnsureRevision(node, expectedRevision);
                var parent = ancestors.Count > 0 ? ancestors[^1] : null;
                LifecycleRules.EnsureCanPlan(node, parent);
                var effective = EffectiveValues.Of(ancestors).Extend(node);
                var snapshot = EffectiveSnapshot.Of(effective);
                var baseline = node.ProvisionedJson is null ? null : NodeJson.ParseObject(node.ProvisionedJson);
                var changes = ValueDiff.Between(baseline, snapshot);
                var updated = node.WithPlan(NodeJson.Serialize(snapshot), Now());
                await WriteAsync(session, node, updated, tagsChanged: false);
                var details = new JsonObject
                {
                    ["baselineRevision"] = node.ProvisionedRevision,
                    ["changes"] = JsonSerializer.SerializeToNode(changes, DetailsJson),
                };
                await RecordAsync(session, actor, [new NodeChange("plan", node, parent?.Name, updated, parent?.Name, details)]);
                await projector.ApplyAsync(session, [new ProjectedNode(updated, effective, parent)]);
                return new PlanView(NodeViews.Of(updated, ancestors, effective), node.ProvisionedRevision, changes);
            },
            cancellationToken);
    }

    /// <summary>Provisions a planned node, provided its effective values are still those it was planned with.</summary>
    public Task<NodeView> ProvisionAsync(NodeKey key, long? expectedRevision, CancellationToken cancellationToken = default) =>
        TransitionAsync(key, expectedRevision, "provision", (node, effective, parent, _) =>
        {
            var snapshot = EffectiveSnapshot.Of(effective);
            var json = NodeJson.Serialize(snapshot);
            LifecycleRules.EnsureCanProvision(node, parent, json);
            return (node.WithProvisioned(json, Now()), new JsonObject { ["effective"] = snapshot });
        }, cancellationToken: cancellationToken);

    /// <summary>Destroys a node whose children are all destroyed.</summary>
    public Task<NodeView> DestroyAsync(NodeKey key, long? expectedRevision, CancellationToken cancellationToken = default) =>
        TransitionAsync(key, expectedRevision, "destroy", (node, _, _, children) =>
        {
            LifecycleRules.EnsureCanDestroy(node, children);
            return (node.WithState(NodeState.Destroyed, Now()), null);
        }, loadChildren: true, cancellationToken);

    /// <summary>Deletes a destroyed node whose children are all deleted; it leaves the catalog, its history stays.</summary>
    public Task<NodeView> DeleteAsync(NodeKey key, long? expectedRevision, CancellationToken cancellationToken = default) =>
        TransitionAsync(key, expectedRevision, "delete", (node, _, _, children) =>
        {
            LifecycleRules.EnsureCanDelete(node, children);
            return (node.WithState(NodeState.Deleted, Now()), null);
        }, loadChildren: true, cancellationToken);

    private Task<NodeView> TransitionAsync(
        NodeKey key,
        long? expectedRevision,
        string operation,
        Func<HierarchyNode, EffectiveValues, HierarchyNode?, IReadOnlyList<HierarchyNode>, (HierarchyNode Updated, JsonObject? Details)> step,
        bool loadChildren = false,
        CancellationToken cancellationToken = default)
    {
        var actor = identity.Name;
        return store.WriteAsync(
            async session =>
            {
                var (node, ancestors) = Split(await LockChainAsync(session, key));
                EnsureRevision(node, expectedRevision);
                var parent = ancestors.Count > 0 ? ancestors[^1] : null;
                var children = loadChildren
                    ? (await session.GetChildrenAsync(node.Id)).Select(HierarchyNode.FromRecord).ToList()
                    : [];
                var effective = EffectiveValues.Of(ancestors).Extend(node);
                var (updated, details) = step(node, effective, parent, children);
                await WriteAsync(session, node, updated, tagsChanged: false);
                await RecordAsync(session, actor, [new NodeChange(operation, node, parent?.Name, updated, parent?.Name, details)]);
                await projector.ApplyAsync(session, [new ProjectedNode(updated, effective, parent)]);
                return NodeViews.Of(updated, ancestors, effective);
            },
            cancellationToken);
    }

    private Task<NodeCreation> CreateManyAsync(IReadOnlyList<NodeDraft> drafts, string actor, CancellationToken cancellationToken) =>
        store.WriteAsync(
            async session =>
            {
                foreach (var draft in drafts)
                {
                    NodeRules.CheckNamespace(draft.Namespace ?? NodeKey.DefaultNamespace, draft.Path);
                }

                var parentKeys = drafts.Where(d => d.Parent is not null)
                    .Select(d => new NodeKey(d.Namespace ?? NodeKey.DefaultNamespace, d.Parent!))
                    .Distinct()
                    .ToList();
                var chains = await LockChainsAsync(session, parentKeys);
                var parents = parentKeys.Zip(chains).ToDictionary(p => p.First, p => p.Second);
                var creation = new NodeCreation(Now());
                foreach (var draft in drafts)
                {
                    var @namespace = draft.Namespace ?? NodeKey.DefaultNamespace;
                    IReadOnlyList<HierarchyNode> chain = [];
                    if (draft.Parent is not null && (chain = parents[new NodeKey(@namespace, draft.Parent)]).Count == 0)
                    {
                        throw new InputError($"{draft.Path}.parent: there is no node '{draft.Parent}' in namespace '{@namespace}'");
                    }

                    creation.Add(draft, @namespace, chain);
                }

                await EnsureNamesFreeAsync(session, creation.Nodes.Select(n => n.Node));
                try
                {
                    await session.InsertNodesAsync(creation.Records());
                }
                catch (DuplicateNodeException e)
                {
                    throw new ConflictError("A node with one of these names was created meanwhile; names are unique in a namespace", e);
                }

                await RecordAsync(session, actor, creation.Nodes.Select(n => new NodeChange("create", null, null, n.Node, n.ParentName, null)).ToList());
                await projector.ApplyAsync(session, creation.Projected);
                return creation;
            },
            cancellationToken);

    private static async Task EnsureNamesFreeAsync(HierarchyWriteSession session, IEnumerable<HierarchyNode> nodes)
    {
        foreach (var group in nodes.GroupBy(n => n.Namespace, StringComparer.Ordinal))
        {
            var taken = await session.TakenNamesAsync(group.Key, group.Select(n => n.Name));
            if (taken.Count > 0)
            {
                throw new ConflictError(
                    $"A node named '{taken[0]}' already exists in namespace '{group.Key}'; node names are unique in a namespace, ignoring case " +
                    "(deleted nodes keep their names)");
            }
        }
    }

    private static IReadOnlyList<ProjectedNode> CheckedSubtree(ProjectedNode root, IReadOnlyList<HierarchyNode> descendants)
    {
        var subtree = NodeProjector.Subtree(root, descendants);
        var effective = subtree.ToDictionary(p => p.Node.Id, p => p.Effective, StringComparer.Ordinal);
        foreach (var (node, _, parent) in subtree.Skip(1).Where(p => p.Node.Tags.Count > 0))
        {
            LockRules.CheckTagCasing(node.Name, node.Tags, effective[parent!.Id]);
        }

        return subtree;
    }

    private static NodeDefinition Apply(HierarchyNode node, NodePatch patch)
    {
        var current = node.Definition;
        var owner = patch.Owner.Or(current.Owner);
        if (patch.Owner.IsSet && owner is not null)
        {
            owner = NodeRules.CanonicalOwner(owner, node.Namespace, "update");
        }

        if (owner is null && node.Level == NodeLevel.Account)
        {
            throw new InputError($"{node} needs an owner: the nodes below inherit it");
        }

        var tags = current.Tags;
        if (patch.Tags is not null)
        {
            var merged = MergePatch(current.Tags, patch.Tags);
            NodeRules.CheckTags(merged, "update");
            tags = merged;
        }

        var config = current.Config;
        if (patch.Config is not null)
        {
            var merged = MergePatch(current.Config, patch.Config);
            NodeRules.CheckConfig(merged, "update");
            config = merged;
        }

        var locked = patch.Locked ?? current.Locked;
        NodeRules.CheckLocked(locked, "update");
        return new NodeDefinition(
            patch.Title.Or(current.Title), patch.Description.Or(current.Description), owner, patch.Abstract ?? current.Abstract, tags, config, locked);
    }

    private static bool SameDefinition(HierarchyNode node, NodeDefinition definition) =>
        node.Title == definition.Title
        && node.Description == definition.Description
        && node.Owner == definition.Owner
        && node.Abstract == definition.Abstract
        && SameText(NodeJson.TagsToJson(node.Tags), NodeJson.TagsToJson(definition.Tags))
        && SameText(NodeJson.ConfigToJson(node.Config), NodeJson.ConfigToJson(definition.Config))
        && SameText(node.Locked.ToJson(), definition.Locked.ToJson());

    private static bool SameText(JsonNode a, JsonNode b) => NodeJson.Serialize(a) == NodeJson.Serialize(b);

    private static void EnsureRevision(HierarchyNode node, long? expectedRevision)
    {
        if (expectedRevision is { } expected && expected != node.Revision)
        {
            throw StaleRevision(node, expected);
        }
    }

    private static ConflictError StaleRevision(HierarchyNode node, long expected) =>
        new($"{node} is at revision {node.Revision}, not {expected}: it changed since it was read; read it again and reapply the change");

    private static async Task WriteAsync(HierarchyWriteSession session, HierarchyNode before, HierarchyNode after, bool tagsChanged)
    {
        try
        {
            await session.UpdateNodeAsync(after.Record, before.Revision, tagsChanged ? after.Tags.ToList() : null);
        }
        catch (StaleRevisionException)
        {
            throw StaleRevision(before, before.Revision);
        }
    }

    private async Task RecordAsync(HierarchyWriteSession session, string actor, IReadOnlyList<NodeChange> changes)
    {
        var now = Now();
        var revisions = new List<RevisionRecord>(changes.Count);
        var audit = new List<AuditRecord>(changes.Count);
        foreach (var change in changes)
        {
            var after = NodeJson.Serialize(NodeViews.Snapshot(change.After, change.AfterParent));
            var before = change.Before is null ? null : NodeJson.Serialize(NodeViews.Snapshot(change.Before, change.BeforeParent));
            var node = change.After;
            revisions.Add(new RevisionRecord(
                node.Id, node.Revision, change.Operation, node.State.ToWire(), after, change.Details is null ? null : NodeJson.Serialize(change.Details), actor, now));
            audit.Add(new AuditRecord(0, node.Id, node.Namespace, node.Name, node.Level.ToWire(), change.Operation, node.Revision, actor, now, before, after));
        }

        await session.InsertRevisionsAsync(revisions);
        await session.InsertAuditAsync(audit);
    }

    private async Task<IReadOnlyList<HierarchyNode>> LockChainAsync(HierarchyWriteSession session, NodeKey key)
    {
        var chain = (await LockChainsAsync(session, [key]))[0];
        return chain.Count > 0 ? chain : throw NotFound(key);
    }

    /// <summary>
    /// Reads the chains (root first) of <paramref name="keys"/> and locks their trees. A chain read
    /// before the lock may be stale (another writer moved the node), so it is read again under the
    /// lock, until the trees it belongs to are the ones locked.
    /// </summary>
    private static async Task<IReadOnlyList<IReadOnlyList<HierarchyNode>>> LockChainsAsync(HierarchyWriteSession session, IReadOnlyList<NodeKey> keys)
    {
        var chains = await ReadChainsAsync(session, keys);
        for (var attempt = 0; attempt < LockAttempts; attempt++)
        {
            var roots = Roots(chains);
            if (!await session.LockTreesAsync(roots))
            {
                return chains;
            }

            chains = await ReadChainsAsync(session, keys);
            if (Roots(chains).All(roots.Contains))
            {
                return chains;
            }
        }

        throw new ConflictError("The hierarchy kept changing under this change; retry it");
    }

    private static async Task<IReadOnlyList<IReadOnlyList<HierarchyNode>>> ReadChainsAsync(HierarchyWriteSession session, IReadOnlyList<NodeKey> keys)
    {
        var chains = new List<IReadOnlyList<HierarchyNode>>(keys.Count);
        foreach (var key in keys)
        {
            chains.Add((await session.GetChainAsync(key.Namespace, key.Name)).Select(HierarchyNode.FromRecord).ToList());
        }

        return chains;
    }

    private static async Task<IReadOnlyList<HierarchyNode>> DescendantsAsync(HierarchyWriteSession session, string id) =>
        (await session.GetDescendantsAsync(id)).Select(HierarchyNode.FromRecord).ToList();

    private static HashSet<string> Roots(IEnumerable<IReadOnlyList<HierarchyNode>> chains) =>
        chains.Where(c => c.Count > 0).Select(c => c[0].Id).ToHashSet(StringComparer.Ordinal);

    private static (HierarchyNode Node, IReadOnlyList<HierarchyNode> Ancestors) Split(IReadOnlyList<HierarchyNode> chain) =>
        (chain[^1], chain.Take(chain.Count - 1).ToList());

    internal static NotFoundError NotFound(NodeKey key) => new($"No node named '{key.Name}' in namespace '{key.Namespace}'");

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    // JSON merge patch of one map: a null value removes the key, any other value sets it.
    private static Dictionary<string, T> MergePatch<T>(IReadOnlyDictionary<string, T> current, IReadOnlyDictionary<string, T?> patch)
        where T : class
    {
        var merged = new Dictionary<string, T>(current, StringComparer.Ordinal);
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    private sealed record NodeChange(
        string Operation, HierarchyNode? Before, string? BeforeParent, HierarchyNode After, string? AfterParent, JsonObject? Details);
}
