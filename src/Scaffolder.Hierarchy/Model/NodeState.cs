namespace Scaffolder.Hierarchy.Model;

/// <summary>
/// Lifecycle states: <c>created</c> → <c>planned</c> → <c>provisioned</c>; an edit of a provisioned
/// (or planned) node makes it <c>updated</c> until it is planned again; <c>destroyed</c>, then <c>deleted</c>.
/// </summary>
public enum NodeState
{
    Created,
    Planned,
    Provisioned,
    Updated,
    Destroyed,
    Deleted,
}

public static class NodeStates
{
    public static IReadOnlyList<NodeState> All { get; } = Enum.GetValues<NodeState>();

    public static string AllNames { get; } = string.Join(", ", All.Select(s => s.ToWire()));

    public static string ToWire(this NodeState state) => state switch
    {
        NodeState.Created => "created",
        NodeState.Planned => "planned",
        NodeState.Provisioned => "provisioned",
        NodeState.Updated => "updated",
        NodeState.Destroyed => "destroyed",
        NodeState.Deleted => "deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static bool TryParse(string? value, out NodeState state)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWire(), value, StringComparison.Ordinal))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    public static NodeState FromWire(string value) =>
        TryParse(value, out var state) ? state : throw new InvalidOperationException($"Unknown stored node state '{value}'.");

    /// <summary>Destroyed and deleted nodes are gone from the estate: nothing may be created under or changed on them.</summary>
    public static bool IsGone(this NodeState state) => state is NodeState.Destroyed or NodeState.Deleted;
}
