using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Model;

namespace Scaffolder.Hierarchy.Lifecycle;

/// <summary>
/// The lifecycle state machine. <c>created</c> → plan → <c>planned</c> → provision → <c>provisioned</c>;
/// an edit or move of a planned or provisioned node leaves it <c>updated</c> (or <c>created</c>, if it was
/// never provisioned) until it is planned again; destroy → <c>destroyed</c>; delete → <c>deleted</c>.
/// A step out of order is a conflict with the node's current state.
/// </summary>
public static class LifecycleRules
{
    private const int NamesShown = 5;

    /// <summary>The state after an edit or move.</summary>
    public static NodeState AfterEdit(HierarchyNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ProvisionedRevision is null ? NodeState.Created : NodeState.Updated;
    }

    public static void EnsureChangeable(HierarchyNode node, string action)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.State.IsGone())
        {
            throw new ConflictError($"Cannot {action} {node}: it is {node.State.ToWire()}");
        }
    }

    public static void EnsureCanCreateUnder(HierarchyNode parent, string child)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (parent.State.IsGone())
        {
            throw new ConflictError($"Cannot put '{child}' under {parent}: it is {parent.State.ToWire()}");
        }
    }

    public static void EnsureCanPlan(HierarchyNode node, HierarchyNode? parent)
    {
        ArgumentNullException.ThrowIfNull(node);
        EnsureChangeable(node, "plan");
        EnsureParentPresent(node, parent, "plan");
    }

    /// <param name="currentEffectiveJson">The node's effective values now, to compare with those it was planned with.</param>
    public static void EnsureCanProvision(HierarchyNode node, HierarchyNode? parent, string currentEffectiveJson)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.State != NodeState.Planned)
        {
            var hint = node.State switch
            {
                NodeState.Provisioned => "it is already provisioned; plan it again to provision a change",
                NodeState.Destroyed or NodeState.Deleted => $"it is {node.State.ToWire()}",
                _ => $"it is {node.State.ToWire()}; plan it first",
            };
            throw new ConflictError($"Cannot provision {node}: {hint}");
        }

        EnsureParentPresent(node, parent, "provision");
        if (!string.Equals(node.PlannedJson, currentEffectiveJson, StringComparison.Ordinal))
        {
            throw new ConflictError(
                $"Cannot provision {node}: its effective values changed since it was planned at revision {node.PlannedRevision} " +
                "(an ancestor was changed or moved); plan it again");
        }
    }

    public static void EnsureCanDestroy(HierarchyNode node, IReadOnlyList<HierarchyNode> children)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(children);
        if (node.State.IsGone())
        {
            throw new ConflictError($"Cannot destroy {node}: it is already {node.State.ToWire()}");
        }

        var standing = children.Where(c => !c.State.IsGone()).ToList();
        if (standing.Count > 0)
        {
            throw new ConflictError($"Cannot destroy {node} while {Describe(standing)} below it not destroyed; destroy them first");
        }
    }

    public static void EnsureCanDelete(HierarchyNode node, IReadOnlyList<HierarchyNode> children)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(children);
        if (node.State != NodeState.Destroyed)
        {
            throw new ConflictError(node.State == NodeState.Deleted
                ? $"Cannot delete {node}: it is already deleted"
                : $"Cannot delete {node}: it is {node.State.ToWire()}; destroy it first");
        }

        var remaining = children.Where(c => c.State != NodeState.Deleted).ToList();
        if (remaining.Count > 0)
        {
            throw new ConflictError($"Cannot delete {node} while {Describe(remaining)} below it not deleted; delete them first");
        }
    }

    private static void EnsureParentPresent(HierarchyNode node, HierarchyNode? parent, string action)
    {
        if (parent is not null && parent.State.IsGone())
        {
            throw new ConflictError($"Cannot {action} {node}: its parent {parent} is {parent.State.ToWire()}");
        }
    }

    private static string Describe(IReadOnlyList<HierarchyNode> nodes)
    {
        var names = string.Join(", ", nodes.Take(NamesShown).Select(n => $"{n} ({n.State.ToWire()})"));
        var more = nodes.Count > NamesShown ? $" and {nodes.Count - NamesShown} more" : string.Empty;
        return nodes.Count == 1 ? $"{names} is" : $"{names}{more} are";
    }
}
