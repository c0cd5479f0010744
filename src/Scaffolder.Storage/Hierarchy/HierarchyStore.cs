using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using Scaffolder.Storage.Catalog;

namespace Scaffolder.Storage.Hierarchy;

/// <summary>Reads of the hierarchy's tables, and the entry point for transactional writes.</summary>
public sealed class HierarchyStore(Database database)
{
    private const int Chunk = 900;

    public Database Database { get; } = database;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, shared with the catalog so a node and its
    /// catalog projection commit or roll back together.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<HierarchyWriteSession, Task<T>> work, CancellationToken cancellationToken = default) =>
        Database.InTransactionAsync(
            (connection, transaction) => work(new HierarchyWriteSession(
                Database, connection, transaction, new CatalogStore(Database).JoinTransaction(connection, transaction))),
            cancellationToken);

    /// <summary>The node and its ancestors, root first; empty when there is no such node.</summary>
    public async Task<IReadOnlyList<NodeRecord>> GetChainAsync(string @namespace, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return await ReadChainAsync(connection, null, @namespace, name);
    }

    /// <summary>The node's ancestors (root first) followed by the node and all its descendants.</summary>
    public async Task<(IReadOnlyList<NodeRecord> Chain, IReadOnlyList<NodeRecord> Descendants)> GetSubtreeAsync(
        string @namespace, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        var chain = await ReadChainAsync(connection, null, @namespace, name);
        if (chain.Count == 0)
        {
            return (chain, []);
        }

        return (chain, await ReadDescendantsAsync(connection, null, chain[^1].Id));
    }

    /// <summary>Every node (of one namespace, when given), deleted ones only when asked for.</summary>
    public async Task<IReadOnlyList<NodeRecord>> GetAllAsync(string? @namespace, bool includeDeleted, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder("SELECT ").Append(NodeSql.Columns).Append(" FROM hierarchy_nodes h WHERE 1 = 1");
        if (@namespace is not null)
        {
            sql.Append(" AND h.namespace = @ns");
        }

        if (!includeDeleted)
        {
            sql.Append(" AND h.state <> 'deleted'");
        }

        sql.Append(" ORDER BY h.namespace, h.name_key");
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<NodeRow>(sql.ToString(), new { ns = @namespace });
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <summary>
    /// Tree rows of every node (of one namespace, when given), ordered by name; deleted nodes only when
    /// asked for; own tags and config only when <paramref name="withValues"/>.
    /// </summary>
    public async Task<IReadOnlyList<TreeRow>> GetTreeRowsAsync(
        string? @namespace, bool includeDeleted, bool withValues, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder("SELECT ").Append(NodeSql.TreeColumns(withValues)).Append(" FROM hierarchy_nodes h WHERE 1 = 1");
        if (@namespace is not null)
        {
            sql.Append(" AND h.namespace = @ns");
        }

        if (!includeDeleted)
        {
            sql.Append(" AND h.state <> 'deleted'");
        }

        sql.Append(" ORDER BY h.namespace, h.name_key");
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TreeRowData>(sql.ToString(), new { ns = @namespace });
        return rows.Select(r => r.ToRow()).ToList();
    }

    /// <summary>
    /// Tree rows of a node's ancestors and the node (root first), then of its descendants ordered by
    /// name; empty when there is no such node.
    /// </summary>
    public async Task<(IReadOnlyList<TreeRow> Chain, IReadOnlyList<TreeRow> Descendants)> GetSubtreeRowsAsync(
        string @namespace, string name, bool withValues, CancellationToken cancellationToken = default)
    {
        var columns = NodeSql.TreeColumns(withValues);
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        var chain = (await connection.QueryAsync<TreeRowData>(NodeSql.ChainByNameSelecting(columns), new { ns = @namespace, key = name.ToLowerInvariant() }))
            .Select(r => r.ToRow()).ToList();
        if (chain.Count == 0)
        {
            return (chain, []);
        }

        var descendants = await connection.QueryAsync<TreeRowData>(NodeSql.DescendantsSelecting(columns), new { id = chain[^1].Id });
        return (chain, descendants.Select(r => r.ToRow()).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM hierarchy_nodes");
    }

    /// <summary>
    /// A page of nodes matching <paramref name="query"/>, ordered by namespace and name. Owner and tag
    /// conditions are evaluated on effective values: the nearest definition among the node and its
    /// ancestors. Each is found by walking down from the nodes that define the value, stopping at
    /// nodes that define their own, so its cost follows the matching subtrees, not the whole table.
    /// </summary>
    public async Task<NodePage> QueryAsync(NodeQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new DynamicParameters();
        var (with, where) = Conditions(query, parameters);
        parameters.Add("limit", query.Limit);
        parameters.Add("offset", query.Offset);
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<NodeWithAncestorsRow>(
            $"{with}SELECT {NodeSql.Columns}, p1.id AS A1, p2.id AS A2, p3.id AS A3, p4.id AS A4 FROM (" +
            $"SELECT h.id AS id, h.namespace AS ns, h.name_key AS nk FROM hierarchy_nodes h WHERE {where} " +
            "ORDER BY h.namespace, h.name_key LIMIT @limit OFFSET @offset) page" +
            " JOIN hierarchy_nodes h ON h.id = page.id" +
            " LEFT JOIN hierarchy_nodes p1 ON p1.id = h.parent_id" +
            " LEFT JOIN hierarchy_nodes p2 ON p2.id = p1.parent_id" +
            " LEFT JOIN hierarchy_nodes p3 ON p3.id = p2.parent_id" +
            " LEFT JOIN hierarchy_nodes p4 ON p4.id = p3.parent_id" +
            " ORDER BY page.ns, page.nk",
            parameters)).AsList();
        var total = await connection.ExecuteScalarAsync<long>($"{with}SELECT COUNT(*) FROM hierarchy_nodes h WHERE {where}", parameters);
        var ancestors = await ReadByIdsAsync(connection, rows.SelectMany(r => r.AncestorIds()));
        return new NodePage(rows.Select(r => r.ToRecord()).ToList(), ancestors, total);
    }

    public async Task<IReadOnlyList<RevisionRecord>> GetRevisionsAsync(string nodeId, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<RevisionRow>($"{SelectRevisions} WHERE node_id = @nodeId ORDER BY revision", new { nodeId });
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<RevisionRecord?> GetRevisionAsync(string nodeId, long revision, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<RevisionRow>(
            $"{SelectRevisions} WHERE node_id = @nodeId AND revision = @revision", new { nodeId, revision });
        return row?.ToRecord();
    }

    /// <summary>Audit entries matching <paramref name="query"/>, newest first.</summary>
    public async Task<IReadOnlyList<AuditRecord>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder(
            "SELECT id AS Id, node_id AS NodeId, namespace AS Namespace, name AS Name, level AS Level, action AS Action, revision AS Revision, " +
            "actor AS Actor, at AS At, before_json AS BeforeJson, after_json AS AfterJson FROM hierarchy_audit WHERE 1 = 1");
        if (query.NodeId is not null)
        {
            sql.Append(" AND node_id = @NodeId");
        }

        if (query.Namespace is not null)
        {
            sql.Append(" AND namespace = @Namespace");
        }

        if (query.Action is not null)
        {
            sql.Append(" AND action = @Action");
        }

        if (query.Actor is not null)
        {
            sql.Append(" AND actor = @Actor");
        }

        if (query.Before is not null)
        {
            sql.Append(" AND id < @Before");
        }

        sql.Append(" ORDER BY id DESC LIMIT @Limit");
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(sql.ToString(), query);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    internal static async Task<IReadOnlyList<NodeRecord>> ReadChainAsync(DbConnection connection, DbTransaction? transaction, string @namespace, string name)
    {
        var rows = await connection.QueryAsync<NodeRow>(NodeSql.ChainByName, new { ns = @namespace, key = name.ToLowerInvariant() }, transaction);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    internal static async Task<IReadOnlyList<NodeRecord>> ReadDescendantsAsync(DbConnection connection, DbTransaction? transaction, string id)
    {
        var rows = await connection.QueryAsync<NodeRow>(NodeSql.Descendants, new { id }, transaction);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    private const string SelectRevisions =
        "SELECT node_id AS NodeId, revision AS Revision, operation AS Operation, state AS State, snapshot_json AS SnapshotJson, " +
        "details_json AS DetailsJson, actor AS Actor, created_at AS CreatedAt FROM hierarchy_revisions";

    private async Task<IReadOnlyDictionary<string, NodeRecord>> ReadByIdsAsync(DbConnection connection, IEnumerable<string> ids)
    {
        var result = new Dictionary<string, NodeRecord>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            var rows = await connection.QueryAsync<NodeRow>(
                $"SELECT {NodeSql.Columns} FROM hierarchy_nodes h WHERE {Database.Dialect.InList("h.id", "ids")}", new { ids = chunk });
            foreach (var row in rows)
            {
                result[row.Id] = row.ToRecord();
            }
        }

        return result;
    }

    // Returns the WITH clause (empty when not needed) and the condition on h, the node.
    private static (string With, string Where) Conditions(NodeQuery query, DynamicParameters parameters)
    {
        var ctes = new List<string>();
        var where = new List<string>();
        if (query.Namespace is not null)
        {
            where.Add("h.namespace = @ns");
            parameters.Add("ns", query.Namespace);
        }

        if (query.Level is not null)
        {
            where.Add("h.level = @level");
            parameters.Add("level", query.Level);
        }

        if (query.State is not null)
        {
            where.Add("h.state = @state");
            parameters.Add("state", query.State);
        }
        else if (!query.IncludeDeleted)
        {
            where.Add("h.state <> 'deleted'");
        }

        if (query.ParentId is not null)
        {
            where.Add("h.parent_id = @parentId");
            parameters.Add("parentId", query.ParentId);
        }

        if (query.Owner is not null)
        {
            // Nodes owning it, and below them every node that names no owner of its own.
            ctes.Add(
                "owned (id, depth) AS (SELECT id, 0 FROM hierarchy_nodes WHERE owner = @owner " +
                "UNION ALL SELECT n.id, o.depth + 1 FROM hierarchy_nodes n JOIN owned o ON n.parent_id = o.id WHERE n.owner IS NULL AND o.depth < 8)");
            where.Add("h.id IN (SELECT id FROM owned)");
            parameters.Add("owner", query.Owner);
        }

        for (var i = 0; i < query.Tags.Count; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"tk{i}");
            var name = string.Create(CultureInfo.InvariantCulture, $"tagged{i}");
            parameters.Add(key, query.Tags[i].Key);
            var seeds = $"SELECT node_id, 0 FROM hierarchy_node_tags WHERE key = @{key}";
            if (query.Tags[i].Value is { } value)
            {
                var valueName = string.Create(CultureInfo.InvariantCulture, $"tv{i}");
                parameters.Add(valueName, value);
                seeds += $" AND value = @{valueName}";
            }

            // Nodes defining the tag (with the value), and below them every node that does not define it again.
            ctes.Add(
                $"{name} (id, depth) AS ({seeds} UNION ALL SELECT n.id, t.depth + 1 FROM hierarchy_nodes n JOIN {name} t ON n.parent_id = t.id " +
                $"WHERE t.depth < 8 AND NOT EXISTS (SELECT 1 FROM hierarchy_node_tags x WHERE x.node_id = n.id AND x.key = @{key}))");
            where.Add($"h.id IN (SELECT id FROM {name})");
        }

        return (ctes.Count == 0 ? string.Empty : $"WITH RECURSIVE {string.Join(", ", ctes)} ", where.Count == 0 ? "1 = 1" : string.Join(" AND ", where));
    }
}
