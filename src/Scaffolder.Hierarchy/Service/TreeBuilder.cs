using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Storage.Hierarchy;

namespace Scaffolder.Hierarchy.Service;

/// <summary>
/// Nests tree rows into <see cref="TreeNodeView"/>s, passing the effective owner (and, when asked,
/// effective tag and config values) down from each parent. Built for whole estates: a node without
/// values of its own shares its parent's maps, and only what the view shows is parsed.
/// </summary>
public static class TreeBuilder
{
    /// <summary>Every root of <paramref name="rows"/> (nodes without a parent) with its descendants; rows keep their order among siblings.</summary>
    public static IReadOnlyList<TreeNodeView> Forest(IReadOnlyList<TreeRow> rows, bool effective)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var children = ChildrenOf(rows);
        return rows.Where(r => r.ParentId is null).Select(root => Build(root, Inherited.None, children, effective)).ToList();
    }

    /// <summary>The last node of <paramref name="chain"/> (root first) with <paramref name="descendants"/> nested below it.</summary>
    public static TreeNodeView Subtree(IReadOnlyList<TreeRow> chain, IReadOnlyList<TreeRow> descendants, bool effective)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var inherited = Inherited.None;
        for (var i = 0; i < chain.Count - 1; i++)
        {
            inherited = inherited.Below(chain[i], effective);
        }

        return Build(chain[^1], inherited, ChildrenOf(descendants), effective);
    }

    private static TreeNodeView Build(TreeRow row, Inherited parent, Dictionary<string, List<TreeRow>> children, bool effective)
    {
        var values = parent.Below(row, effective);
        IReadOnlyList<TreeNodeView> below = children.TryGetValue(row.Id, out var list)
            ? list.Select(child => Build(child, values, children, effective)).ToList()
            : [];
        return new TreeNodeView(
            row.Id,
            row.Namespace,
            row.Name,
            row.Level,
            row.Title,
            row.State,
            row.Revision,
            row.IsAbstract,
            values.Owner,
            EntityRef(row),
            effective ? values.Tags : null,
            effective ? values.Config : null,
            below);
    }

    private static string EntityRef(TreeRow row) =>
        string.Concat(row.Level == "app" ? "component:" : "resource:", row.Namespace.ToLowerInvariant(), "/", row.Name.ToLowerInvariant());

    private static Dictionary<string, List<TreeRow>> ChildrenOf(IEnumerable<TreeRow> rows)
    {
        var children = new Dictionary<string, List<TreeRow>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.ParentId is null)
            {
                continue;
            }

            if (!children.TryGetValue(row.ParentId, out var list))
            {
                children[row.ParentId] = list = [];
            }

            list.Add(row);
        }

        return children;
    }

    private sealed record Inherited(string? Owner, IReadOnlyDictionary<string, string> Tags, IReadOnlyDictionary<string, JsonNode> Config)
    {
        public static Inherited None { get; } = new(
            null, new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, JsonNode>(StringComparer.Ordinal));

        public Inherited Below(TreeRow row, bool withValues)
        {
            var owner = row.Owner ?? Owner;
            if (!withValues)
            {
                return owner == Owner ? this : this with { Owner = owner };
            }

            return new Inherited(owner, MergeTags(Tags, row.TagsJson), MergeConfig(Config, row.ConfigJson));
        }

        private static IReadOnlyDictionary<string, string> MergeTags(IReadOnlyDictionary<string, string> inherited, string? json)
        {
            if (json is null or "{}")
            {
                return inherited;
            }

            var merged = new Dictionary<string, string>(inherited, StringComparer.Ordinal);
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                reader.Read();
                merged[key] = reader.GetString()!;
            }

            return merged;
        }

        private static IReadOnlyDictionary<string, JsonNode> MergeConfig(IReadOnlyDictionary<string, JsonNode> inherited, string? json)
        {
            if (json is null or "{}")
            {
                return inherited;
            }

            var own = NodeJson.ParseObject(json);
            var values = own.ToList();
            // Detaches the values from the parsed object so they can be shared by every node below.
            own.Clear();
            var merged = new Dictionary<string, JsonNode>(inherited, StringComparer.Ordinal);
            foreach (var (key, value) in values)
            {
                merged[key] = value!;
            }

            return merged;
        }
    }
}
