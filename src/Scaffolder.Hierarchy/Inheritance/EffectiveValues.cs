using System.Text.Json.Nodes;
using Scaffolder.Hierarchy.Model;

namespace Scaffolder.Hierarchy.Inheritance;

/// <summary>The node that set a value or a lock.</summary>
public sealed record NodeOrigin(string Name, NodeLevel Level);

/// <summary>A value together with the node that set it.</summary>
public sealed record Inherited<T>(T Value, NodeOrigin From);

/// <summary>
/// A node's effective owner, tags and config: its ancestors' definitions merged top-down, the
/// nearest one winning, each value with its provenance; plus the locks in force below the node.
/// Immutable; built by extending the parent's values with a node's own, so computing a whole
/// tree costs one step per node and nodes without values of their own share their parent's maps.
/// </summary>
public sealed class EffectiveValues
{
    private EffectiveValues(
        Inherited<string>? owner,
        IReadOnlyDictionary<string, Inherited<string>> tags,
        IReadOnlyDictionary<string, Inherited<JsonNode>> config,
        IReadOnlyDictionary<string, NodeOrigin> tagLocks,
        IReadOnlyDictionary<string, NodeOrigin> configLocks)
    {
        Owner = owner;
        Tags = tags;
        Config = config;
        TagLocks = tagLocks;
        ConfigLocks = configLocks;
    }

    /// <summary>The values above a root: nothing set, nothing locked.</summary>
    public static EffectiveValues None { get; } = new(
        null,
        new Dictionary<string, Inherited<string>>(StringComparer.Ordinal),
        new Dictionary<string, Inherited<JsonNode>>(StringComparer.Ordinal),
        new Dictionary<string, NodeOrigin>(StringComparer.Ordinal),
        new Dictionary<string, NodeOrigin>(StringComparer.Ordinal));

    public Inherited<string>? Owner { get; }

    public IReadOnlyDictionary<string, Inherited<string>> Tags { get; }

    public IReadOnlyDictionary<string, Inherited<JsonNode>> Config { get; }

    /// <summary>Tag keys locked at or above this node, each with the topmost node that locks it.</summary>
    public IReadOnlyDictionary<string, NodeOrigin> TagLocks { get; }

    /// <summary>Config keys locked at or above this node, each with the topmost node that locks it.</summary>
    public IReadOnlyDictionary<string, NodeOrigin> ConfigLocks { get; }

    /// <summary>The effective values at the last node of <paramref name="chain"/> (root first).</summary>
    public static EffectiveValues Of(IEnumerable<HierarchyNode> chain) =>
        chain.Aggregate(None, (values, node) => values.Extend(node));

    /// <summary>The effective values of <paramref name="node"/>, a child of the node these values belong to.</summary>
    public EffectiveValues Extend(HierarchyNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Extend(node.Name, node.Level, node.Owner, node.HasNoOwnValues ? null : node.Definition);
    }

    /// <summary>As <see cref="Extend(HierarchyNode)"/>, for a definition not stored yet.</summary>
    public EffectiveValues Extend(string name, NodeLevel level, string? owner, NodeDefinition? definition)
    {
        var origin = new NodeOrigin(name, level);
        var effectiveOwner = owner is null ? Owner : new Inherited<string>(owner, origin);
        if (definition is null || (definition.Tags.Count == 0 && definition.Config.Count == 0 && definition.Locked.IsEmpty))
        {
            return new EffectiveValues(effectiveOwner, Tags, Config, TagLocks, ConfigLocks);
        }

        return new EffectiveValues(
            effectiveOwner,
            Override(Tags, definition.Tags, v => v, origin),
            Override(Config, definition.Config, v => v, origin),
            AddLocks(TagLocks, definition.Locked.Tags, origin),
            AddLocks(ConfigLocks, definition.Locked.Config, origin));
    }

    /// <summary>The node that locks the tag key at or above this node, if any.</summary>
    public NodeOrigin? TagLockedBy(string key) => TagLocks.GetValueOrDefault(key);

    public NodeOrigin? ConfigLockedBy(string key) => ConfigLocks.GetValueOrDefault(key);

    private static IReadOnlyDictionary<string, Inherited<T>> Override<T, TOwn>(
        IReadOnlyDictionary<string, Inherited<T>> inherited,
        IReadOnlyDictionary<string, TOwn> own,
        Func<TOwn, T> convert,
        NodeOrigin origin)
    {
        if (own.Count == 0)
        {
            return inherited;
        }

        var merged = new Dictionary<string, Inherited<T>>(inherited, StringComparer.Ordinal);
        foreach (var (key, value) in own)
        {
            merged[key] = new Inherited<T>(convert(value), origin);
        }

        return merged;
    }

    private static IReadOnlyDictionary<string, NodeOrigin> AddLocks(
        IReadOnlyDictionary<string, NodeOrigin> inherited, IReadOnlyList<string> keys, NodeOrigin origin)
    {
        if (keys.All(inherited.ContainsKey))
        {
            return inherited;
        }

        var merged = new Dictionary<string, NodeOrigin>(inherited, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            // The topmost lock is the one in force: a lower node cannot loosen or re-own it.
            merged.TryAdd(key, origin);
        }

        return merged;
    }
}
