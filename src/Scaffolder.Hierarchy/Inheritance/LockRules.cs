using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Model;

namespace Scaffolder.Hierarchy.Inheritance;

/// <summary>
/// Locked keys: once a node locks a tag or config key, no node below it may define that key.
/// Every write that could break this (defining keys, adding locks, moving a subtree) is checked,
/// so effective values are always simply the nearest definition.
/// </summary>
public static class LockRules
{
    /// <summary>Rejects a definition that sets a key locked above the node (<paramref name="inherited"/> are its parent's values).</summary>
    public static void CheckNoOverride(string name, NodeLevel level, NodeDefinition definition, EffectiveValues inherited)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(inherited);
        foreach (var key in definition.Tags.Keys.Order(StringComparer.Ordinal))
        {
            if (inherited.TagLockedBy(key) is { } by)
            {
                throw new ConflictError(
                    $"Tag '{key}' is locked by {by.Level.ToWire()} '{by.Name}'; {level.ToWire()} '{name}' cannot override it");
            }
        }

        foreach (var key in definition.Config.Keys.Order(StringComparer.Ordinal))
        {
            if (inherited.ConfigLockedBy(key) is { } by)
            {
                throw new ConflictError(
                    $"Config key '{key}' is locked by {by.Level.ToWire()} '{by.Name}'; {level.ToWire()} '{name}' cannot override it");
            }
        }
    }

    /// <summary>Rejects new locks on <paramref name="node"/> for keys that a node below it already defines.</summary>
    public static void CheckNewLocks(HierarchyNode node, LockedKeys before, LockedKeys after, IEnumerable<HierarchyNode> descendants)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var newTags = after.Tags.Except(before.Tags, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var newConfig = after.Config.Except(before.Config, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        if (newTags.Count == 0 && newConfig.Count == 0)
        {
            return;
        }

        foreach (var descendant in descendants.Where(d => d.State != NodeState.Deleted))
        {
            if (descendant.Tags.Keys.FirstOrDefault(newTags.Contains) is { } tag)
            {
                throw new ConflictError(
                    $"Cannot lock tag '{tag}' on {node}: {descendant} below it sets its own value; remove it there first");
            }

            if (descendant.Config.Keys.FirstOrDefault(newConfig.Contains) is { } config)
            {
                throw new ConflictError(
                    $"Cannot lock config key '{config}' on {node}: {descendant} below it sets its own value; remove it there first");
            }
        }
    }

    /// <summary>
    /// Rejects tag keys that differ from another effective tag key only in letter case: tags become
    /// catalog labels, whose keys are matched ignoring case.
    /// </summary>
    public static void CheckTagCasing(string name, IReadOnlyDictionary<string, string> ownTags, EffectiveValues inherited)
    {
        ArgumentNullException.ThrowIfNull(ownTags);
        ArgumentNullException.ThrowIfNull(inherited);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in inherited.Tags.Keys.Where(k => !ownTags.ContainsKey(k)))
        {
            seen.TryAdd(key, $"{inherited.Tags[key].From.Level.ToWire()} '{inherited.Tags[key].From.Name}'");
        }

        foreach (var key in ownTags.Keys.Order(StringComparer.Ordinal))
        {
            if (seen.TryGetValue(key, out var setBy))
            {
                throw new InputError(
                    $"Tag '{key}' of '{name}' differs only in letter case from tag '{seen.Keys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase))}' " +
                    $"set by {setBy}; tag keys are compared ignoring case");
            }

            seen[key] = $"'{name}'";
        }
    }
}
