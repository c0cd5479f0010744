using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Inheritance;
using Scaffolder.Hierarchy.Lifecycle;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Storage.Hierarchy;

namespace Scaffolder.Hierarchy.Service;

/// <summary>
/// Turns drafts (each possibly with nested children) into new nodes, checking every rule before
/// anything is written: levels, names, owners, keys, locks and the parent's lifecycle state.
/// </summary>
internal sealed class NodeCreation(DateTime now)
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    public List<(HierarchyNode Node, string? ParentName)> Nodes { get; } = [];

    public List<ProjectedNode> Projected { get; } = [];

    public List<NodeView> Tops { get; } = [];

    /// <param name="parentChain">The existing parent and its ancestors, root first; empty for a new account.</param>
    public void Add(NodeDraft draft, string @namespace, IReadOnlyList<HierarchyNode> parentChain)
    {
        var top = Walk(draft, @namespace, parentChain.Count > 0 ? parentChain[^1] : null, EffectiveValues.Of(parentChain));
        Tops.Add(NodeViews.Of(top.Node, parentChain, top.Effective));
    }

    public IReadOnlyList<NewNodeRecord> Records() =>
        Nodes.Select(n => new NewNodeRecord(n.Node.Record, n.Node.Tags.ToList())).ToList();

    private ProjectedNode Walk(NodeDraft draft, string @namespace, HierarchyNode? parent, EffectiveValues inherited)
    {
        var path = draft.Path;
        NodeRules.CheckName(draft.Name, path);
        if (draft.Namespace is not null && draft.Namespace != @namespace)
        {
            throw new InputError($"{path}.namespace must be the namespace of its parent, \"{@namespace}\"");
        }

        var level = Level(draft, parent);
        if (parent is not null)
        {
            LifecycleRules.EnsureCanCreateUnder(parent, draft.Name);
        }

        var owner = draft.Owner is null ? null : NodeRules.CanonicalOwner(draft.Owner, @namespace, path);
        if (owner is null && level == NodeLevel.Account)
        {
            throw new InputError($"{path}.owner is required on an account (a Group or User ref); the nodes below inherit it");
        }

        NodeRules.CheckTags(draft.Tags, path);
        NodeRules.CheckConfig(draft.Config, path);
        NodeRules.CheckLocked(draft.Locked, path);
        var definition = new NodeDefinition(
            draft.Title, draft.Description, owner, draft.Abstract ?? level.IsAbstractByDefault(), draft.Tags, draft.Config, draft.Locked);
        LockRules.CheckNoOverride(draft.Name, level, definition, inherited);
        LockRules.CheckTagCasing(draft.Name, definition.Tags, inherited);
        if (!_names.Add($"{@namespace}/{draft.Name}"))
        {
            throw new InputError($"{path}.name \"{draft.Name}\" is given to more than one node; names are unique in a namespace, ignoring case");
        }

        var node = HierarchyNode.New(Guid.NewGuid().ToString(), new NodeKey(@namespace, draft.Name), level, parent?.Id, definition, now);
        var projected = new ProjectedNode(node, inherited.Extend(node), parent);
        Nodes.Add((node, parent?.Name));
        Projected.Add(projected);
        foreach (var child in draft.Children)
        {
            Walk(child, @namespace, node, projected.Effective);
        }

        return projected;
    }

    private static NodeLevel Level(NodeDraft draft, HierarchyNode? parent)
    {
        var path = draft.Path;
        if (parent is null)
        {
            var level = draft.Level ?? NodeLevel.Account;
            return level == NodeLevel.Account
                ? level
                : throw new InputError(
                    $"{path}: {level.WithArticle()} needs a parent ({level.ParentLevel()!.Value.WithArticle()}); give \"parent\"");
        }

        var expected = parent.Level.ChildLevel()
            ?? throw new InputError($"{path}: cannot put '{draft.Name}' under {parent}: an app has no children");
        var given = draft.Level ?? expected;
        if (given == NodeLevel.Account)
        {
            throw new InputError($"{path}: an account has no parent, so '{draft.Name}' cannot go under {parent}");
        }

        return given == expected
            ? given
            : throw new InputError(
                $"{path}: the parent of {given.WithArticle()} must be {given.ParentLevel()!.Value.WithArticle()}, but {parent} is {parent.Level.WithArticle()}");
    }
}
