using Scaffolder.Hierarchy.Inheritance;
using Scaffolder.Hierarchy.Model;

namespace Scaffolder.Hierarchy.Service;

/// <summary>Walks a set of nodes from the roots down, computing each node's effective values from its parent's.</summary>
public static class TreeWalk
{
    /// <summary>
    /// Every node whose ancestors are all in <paramref name="nodes"/>, parents before children, in
    /// the order the input lists siblings. Nodes whose parent is missing from the set are left out.
    /// </summary>
    public static IEnumerable<ProjectedNode> TopDown(IReadOnlyList<HierarchyNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var children = ChildrenOf(nodes);
        var pending = new Stack<ProjectedNode>();
        foreach (var root in nodes.Where(n => n.ParentId is null).Reverse())
        {
            pending.Push(new ProjectedNode(root, EffectiveValues.None.Extend(root), null));
        }

        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            if (children.TryGetValue(current.Node.Id, out var below))
            {
                for (var i = below.Count - 1; i >= 0; i--)
                {
                    pending.Push(new ProjectedNode(below[i], current.Effective.Extend(below[i]), current.Node));
                }
            }
        }
    }

    public static Dictionary<string, List<HierarchyNode>> ChildrenOf(IEnumerable<HierarchyNode> nodes)
    {
        var children = new Dictionary<string, List<HierarchyNode>>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.ParentId is not null)
            {
                if (!children.TryGetValue(node.ParentId, out var list))
                {
                    children[node.ParentId] = list = [];
                }

                list.Add(node);
            }
        }

        return children;
    }
}
