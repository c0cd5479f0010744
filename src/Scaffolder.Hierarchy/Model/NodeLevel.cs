namespace Scaffolder.Hierarchy.Model;

/// <summary>The five levels of the hierarchy, top down. A node's parent is always exactly one level up.</summary>
public enum NodeLevel
{
    Account,
    Environment,
    Network,
    Platform,
    App,
}

public static class NodeLevels
{
    public static IReadOnlyList<NodeLevel> All { get; } = Enum.GetValues<NodeLevel>();

    public static string AllNames { get; } = string.Join(", ", All.Select(l => l.ToWire()));

    /// <summary>The level's name on the wire and in storage, e.g. <c>environment</c>.</summary>
    public static string ToWire(this NodeLevel level) => level switch
    {
        NodeLevel.Account => "account",
        NodeLevel.Environment => "environment",
        NodeLevel.Network => "network",
        NodeLevel.Platform => "platform",
        NodeLevel.App => "app",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static bool TryParse(string? value, out NodeLevel level)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWire(), value, StringComparison.Ordinal))
            {
                level = candidate;
                return true;
            }
        }

        level = default;
        return false;
    }

    public static NodeLevel FromWire(string value) =>
        TryParse(value, out var level) ? level : throw new InvalidOperationException($"Unknown stored node level '{value}'.");

    /// <summary>The level a parent of this level must have; none for accounts.</summary>
    public static NodeLevel? ParentLevel(this NodeLevel level) => level == NodeLevel.Account ? null : level - 1;

    /// <summary>The level of this level's children; none for apps.</summary>
    public static NodeLevel? ChildLevel(this NodeLevel level) => level == NodeLevel.App ? null : level + 1;

    /// <summary>Purely structural levels (accounts and environments) are abstract unless said otherwise.</summary>
    public static bool IsAbstractByDefault(this NodeLevel level) => level is NodeLevel.Account or NodeLevel.Environment;

    /// <summary>"an account", "an environment", "a network"... for messages.</summary>
    public static string WithArticle(this NodeLevel level) =>
        level is NodeLevel.Account or NodeLevel.Environment or NodeLevel.App ? $"an {level.ToWire()}" : $"a {level.ToWire()}";
}
