using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Scaffolder.Storage.Catalog;
using Scaffolder.Storage.Sql;

namespace Scaffolder.Storage.Hierarchy;

/// <summary>
/// Hierarchy writes inside one transaction, obtained from <see cref="HierarchyStore.WriteAsync{T}"/>.
/// <see cref="Catalog"/> writes to the catalog on the same transaction.
/// </summary>
public sealed class HierarchyWriteSession
{
    private const int Chunk = 900;

    private readonly Database _database;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    internal HierarchyWriteSession(Database database, DbConnection connection, DbTransaction transaction, CatalogWriteSession catalog)
    {
        _database = database;
        _connection = connection;
        _transaction = transaction;
        Catalog = catalog;
    }

    /// <summary>The catalog, written in this session's transaction.</summary>
    public CatalogWriteSession Catalog { get; }

    /// <summary>The node and its ancestors, root first; empty when there is no such node.</summary>
    public Task<IReadOnlyList<NodeRecord>> GetChainAsync(string @namespace, string name) =>
        HierarchyStore.ReadChainAsync(_connection, _transaction, @namespace, name);

    public async Task<IReadOnlyList<NodeRecord>> GetChainByIdAsync(string id) =>
        (await _connection.QueryAsync<NodeRow>(NodeSql.ChainById, new { id }, _transaction)).Select(r => r.ToRecord()).ToList();

    /// <summary>All descendants of the node, shallowest first.</summary>
    public Task<IReadOnlyList<NodeRecord>> GetDescendantsAsync(string id) =>
        HierarchyStore.ReadDescendantsAsync(_connection, _transaction, id);

    public async Task<IReadOnlyList<NodeRecord>> GetChildrenAsync(string id) =>
        (await _connection.QueryAsync<NodeRow>(
            $"SELECT {NodeSql.Columns} FROM hierarchy_nodes h WHERE h.parent_id = @id ORDER BY h.name_key", new { id }, _transaction))
        .Select(r => r.ToRecord()).ToList();

    /// <summary>The node holding <paramref name="name"/> in the namespace (ignoring case), if any.</summary>
    public async Task<NodeRecord?> FindAsync(string @namespace, string name) =>
        (await _connection.QuerySingleOrDefaultAsync<NodeRow>(
            $"SELECT {NodeSql.Columns} FROM hierarchy_nodes h WHERE h.namespace = @ns AND h.name_key = @key",
            new { ns = @namespace, key = name.ToLowerInvariant() },
            _transaction))?.ToRecord();

    /// <summary>The subset of <paramref name="names"/> already taken in the namespace (ignoring case), as stored.</summary>
    public async Task<IReadOnlyList<string>> TakenNamesAsync(string @namespace, IEnumerable<string> names)
    {
        var taken = new List<string>();
        foreach (var chunk in names.Select(n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            taken.AddRange(await _connection.QueryAsync<string>(
                $"SELECT name FROM hierarchy_nodes WHERE namespace = @ns AND {_database.Dialect.InList("name_key", "keys")}",
                new { ns = @namespace, keys = chunk },
                _transaction));
        }

        return taken;
    }

    /// <summary>
    /// Serialises writers of the trees rooted at <paramref name="rootIds"/> until the transaction ends.
    /// SQLite needs nothing: its write transactions already run one at a time.
    /// </summary>
    /// <returns>Whether locks were taken; if so, rows read before may be out of date and must be read again.</returns>
    public async Task<bool> LockTreesAsync(IEnumerable<string> rootIds)
    {
        if (_database.Provider != DatabaseProvider.Postgres)
        {
            return false;
        }

        // A fixed order, so two writers locking the same pair of trees cannot deadlock.
        var ids = rootIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        await _connection.ExecuteAsync(
            $"SELECT id FROM hierarchy_nodes WHERE {_database.Dialect.InList("id", "ids")} ORDER BY id FOR UPDATE", new { ids }, _transaction);
        return true;
    }

    /// <summary>Inserts nodes (parents before children) and their tag index entries.</summary>
    public async Task InsertNodesAsync(IReadOnlyList<NewNodeRecord> nodes)
    {
        try
        {
            await BulkInsert.InsertAsync(_connection, _transaction, "hierarchy_nodes", NodeSql.InsertColumns, nodes.Select(n => NodeSql.InsertValues(n.Node)).ToList());
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            throw new DuplicateNodeException("A node with one of these names already exists.", e);
        }

        await InsertTagsAsync(nodes.SelectMany(n => n.Tags.Select(t => new object?[] { n.Node.Id, t.Key, t.Value })).ToList());
    }

    /// <summary>
    /// Writes the node's new state, provided it is still at <paramref name="expectedRevision"/>, and
    /// replaces its tag index entries when <paramref name="tags"/> is given.
    /// </summary>
    /// <exception cref="StaleRevisionException">Another write changed the node first; nothing was written.</exception>
    public async Task UpdateNodeAsync(NodeRecord node, long expectedRevision, IReadOnlyCollection<KeyValuePair<string, string>>? tags)
    {
        ArgumentNullException.ThrowIfNull(node);
        var updated = await _connection.ExecuteAsync(
            "UPDATE hierarchy_nodes SET parent_id = @ParentId, title = @Title, description = @Description, owner = @Owner, " +
            "is_abstract = @IsAbstract, tags_json = @TagsJson, config_json = @ConfigJson, locked_json = @LockedJson, state = @State, " +
            "revision = @Revision, planned_revision = @PlannedRevision, planned_json = @PlannedJson, " +
            "provisioned_revision = @ProvisionedRevision, provisioned_json = @ProvisionedJson, updated_at = @UpdatedAt " +
            "WHERE id = @Id AND revision = @ExpectedRevision",
            new
            {
                node.Id,
                node.ParentId,
                node.Title,
                node.Description,
                node.Owner,
                IsAbstract = node.IsAbstract ? 1L : 0L,
                node.TagsJson,
                node.ConfigJson,
                node.LockedJson,
                node.State,
                node.Revision,
                node.PlannedRevision,
                node.PlannedJson,
                node.ProvisionedRevision,
                node.ProvisionedJson,
                UpdatedAt = NodeSql.Utc(node.UpdatedAt),
                ExpectedRevision = expectedRevision,
            },
            _transaction);
        if (updated == 0)
        {
            throw new StaleRevisionException(node.Id, expectedRevision);
        }

        if (tags is not null)
        {
            await _connection.ExecuteAsync("DELETE FROM hierarchy_node_tags WHERE node_id = @Id", new { node.Id }, _transaction);
            await InsertTagsAsync(tags.Select(t => new object?[] { node.Id, t.Key, t.Value }).ToList());
        }
    }

    public Task InsertRevisionsAsync(IReadOnlyList<RevisionRecord> revisions) =>
        BulkInsert.InsertAsync(
            _connection,
            _transaction,
            "hierarchy_revisions",
            ["node_id", "revision", "operation", "state", "snapshot_json", "details_json", "actor", "created_at"],
            revisions.Select(r => new object?[] { r.NodeId, r.Revision, r.Operation, r.State, r.SnapshotJson, r.DetailsJson, r.Actor, NodeSql.Utc(r.CreatedAt) }).ToList());

    public Task InsertAuditAsync(IReadOnlyList<AuditRecord> entries) =>
        BulkInsert.InsertAsync(
            _connection,
            _transaction,
            "hierarchy_audit",
            ["node_id", "namespace", "name", "level", "action", "revision", "actor", "at", "before_json", "after_json"],
            entries.Select(a => new object?[]
            {
                a.NodeId, a.Namespace, a.Name, a.Level, a.Action, a.Revision, a.Actor, NodeSql.Utc(a.At), a.BeforeJson, a.AfterJson,
            }).ToList());

    private Task InsertTagsAsync(IReadOnlyList<object?[]> rows) =>
        BulkInsert.InsertAsync(_connection, _transaction, "hierarchy_node_tags", ["node_id", "key", "value"], rows);

    private static bool IsUniqueViolation(DbException e) => e switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
