using System.Data.Common;
using Dapper;
using Scaffolder.Storage.Sql;

namespace Scaffolder.Storage.Catalog;

/// <summary>
/// Catalog writes inside one transaction. Obtained from <see cref="CatalogStore.WriteAsync{T}"/>;
/// everything done through one session commits or rolls back together.
/// </summary>
public sealed class CatalogWriteSession
{
    // Keeps IN lists and multi-row statements well under every dialect's parameter limit.
    private const int Chunk = 900;

    private readonly Database _database;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    internal CatalogWriteSession(Database database, DbConnection connection, DbTransaction transaction)
    {
        _database = database;
        _connection = connection;
        _transaction = transaction;
    }

    // PostgreSQL plans this transaction's statements with the statistics of the tables as they were
    // before it began: a large load into near-empty tables would be probed with sequential scans
    // (quadratic). Statistics are refreshed in the transaction whenever it has written as many rows
    // again as at the last refresh, so a load of any size triggers only a logarithmic number of them.
    private const long FirstStatisticsRefresh = 20_000;
    private long _rowsWritten;
    private long _nextStatisticsRefresh = FirstStatisticsRefresh;

    /// <summary>Search rows written through this session; large loads refresh the planner's statistics afterwards.</summary>
    public long SearchRowsWritten { get; private set; }

    public async Task<IReadOnlyDictionary<string, ExistingEntityRecord>> GetExistingAsync(IEnumerable<string> entityRefs)
    {
        var result = new Dictionary<string, ExistingEntityRecord>(StringComparer.Ordinal);
        foreach (var chunk in entityRefs.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            var rows = await _connection.QueryAsync<ExistingEntityRecord>(
                $"{SelectExisting} WHERE {In("entity_ref", "refs")}", new { refs = chunk }, _transaction);
            foreach (var row in rows)
            {
                result[row.EntityRef] = row;
            }
        }

        return result;
    }

    /// <summary>Entities whose rows were written from the given source (a location id or a provider name).</summary>
    public async Task<IReadOnlyList<ExistingEntityRecord>> GetByLocationAsync(string locationId) =>
        (await _connection.QueryAsync<ExistingEntityRecord>(
            $"{SelectExisting} WHERE location_id = @locationId", new { locationId }, _transaction)).AsList();

    public async Task<IReadOnlyList<ExistingEntityRecord>> GetBySourceAsync(string source) =>
        (await _connection.QueryAsync<ExistingEntityRecord>(
            $"{SelectExisting} WHERE source = @source", new { source }, _transaction)).AsList();

    /// <summary>
    /// Refs whose stitched form depends on relations emitted by these entities (the entities
    /// themselves and the targets of their reverse relations).
    /// </summary>
    public async Task<IReadOnlyList<string>> RelationSourcesEmittedByAsync(IEnumerable<long> entityIds)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in entityIds.Distinct().Chunk(Chunk))
        {
            result.UnionWith(await _connection.QueryAsync<string>(
                $"SELECT DISTINCT source_ref FROM relations WHERE {In("originating_entity_id", "ids")}", new { ids = chunk }, _transaction));
        }

        return result.ToList();
    }

    /// <summary>
    /// Inserts or updates processed entities (keyed by ref) and replaces the relations each emits.
    /// Returns the row id of every written ref. The final form is written by <see cref="WriteStitchedAsync"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> UpsertProcessedAsync(IReadOnlyList<ProcessedEntityRecord> entities)
    {
        var ids = _database.Provider == DatabaseProvider.Postgres
            ? await UpsertManyPerStatementAsync(entities)
            : UpsertOnePerStatement(entities);

        await DeleteWhereIdInAsync("relations", "originating_entity_id", ids.Values);
        var relationRows = new List<object?[]>();
        foreach (var entity in entities)
        {
            var id = ids[entity.EntityRef];
            relationRows.AddRange(entity.Relations.Select(r => new object?[] { id, r.SourceRef, r.Type, r.TargetRef }));
        }

        // Inserting in index order touches each page of the source_ref index once per batch.
        relationRows.Sort((a, b) => string.CompareOrdinal((string)a[1]!, (string)b[1]!));
        await BulkInsert.InsertAsync(_connection, _transaction, "relations", ["originating_entity_id", "source_ref", "type", "target_ref"], relationRows);
        await CountWrittenRowsAsync(ids.Count + relationRows.Count);
        return ids;
    }

    private const string UpsertColumns =
        "INSERT INTO entities (uid, entity_ref, etag, processed_json, final_json, errors_json, source, location_id, location_key, parent_ref, created_at, updated_at) VALUES ";

    private const string UpsertConflict =
        " ON CONFLICT (entity_ref) DO UPDATE SET processed_json = excluded.processed_json, errors_json = excluded.errors_json, " +
        "source = excluded.source, location_id = excluded.location_id, location_key = excluded.location_key, " +
        "parent_ref = excluded.parent_ref, updated_at = excluded.updated_at RETURNING id, entity_ref";

    // PostgreSQL: a hundred rows per statement, one round trip each.
    private async Task<Dictionary<string, long>> UpsertManyPerStatementAsync(IReadOnlyList<ProcessedEntityRecord> entities)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var now = DateTime.UtcNow;
        foreach (var chunk in entities.Chunk(Chunk / 10))
        {
            var sql = new System.Text.StringBuilder(UpsertColumns);
            var parameters = new DynamicParameters();
            for (var i = 0; i < chunk.Length; i++)
            {
                var e = chunk[i];
                sql.Append(i == 0 ? string.Empty : ", ")
                    .Append($"(@u{i}, @r{i}, '', @p{i}, '{{}}', @e{i}, @s{i}, @l{i}, @k{i}, @a{i}, @now, @now)");
                parameters.Add($"u{i}", e.Uid);
                parameters.Add($"r{i}", e.EntityRef);
                parameters.Add($"p{i}", e.ProcessedJson);
                parameters.Add($"e{i}", e.ErrorsJson);
                parameters.Add($"s{i}", e.Source);
                parameters.Add($"l{i}", e.LocationId);
                parameters.Add($"k{i}", e.LocationKey);
                parameters.Add($"a{i}", e.ParentRef);
            }

            parameters.Add("now", now);
            sql.Append(UpsertConflict);
            foreach (var (id, entityRef) in await _connection.QueryAsync<(long, string)>(sql.ToString(), parameters, _transaction))
            {
                ids[entityRef] = id;
            }
        }

        return ids;
    }

    // SQLite: one prepared single-row statement (in-process, so no round trips to save, and binding a
    // many-row statement's named parameters costs the square of their number).
    private Dictionary<string, long> UpsertOnePerStatement(IReadOnlyList<ProcessedEntityRecord> entities)
    {
        var now = DateTime.UtcNow;
        var ids = new Dictionary<string, long>(entities.Count, StringComparer.Ordinal);
        var rows = entities.Select(e => new object?[] { e.Uid, e.EntityRef, e.ProcessedJson, e.ErrorsJson, e.Source, e.LocationId, e.LocationKey, e.ParentRef, now }).ToList();
        var results = BulkInsert.QueryPrepared(
            _connection,
            _transaction,
            $"{UpsertColumns}(@p0, @p1, '', @p2, '{{}}', @p3, @p4, @p5, @p6, @p7, @p8, @p8){UpsertConflict}",
            rows,
            reader => reader.GetInt64(0));
        for (var i = 0; i < entities.Count; i++)
        {
            ids[entities[i].EntityRef] = results[i];
        }

        return ids;
    }

    /// <summary>Sets only the processing errors of an entity, keeping its last good processed form.</summary>
    public Task SetErrorsAsync(long entityId, string? errorsJson) =>
        _connection.ExecuteAsync(
            "UPDATE entities SET errors_json = @errorsJson WHERE id = @entityId", new { entityId, errorsJson }, _transaction);

    /// <summary>Replaces the processed JSON of an entity (e.g. to mark it orphaned), keeping its relations.</summary>
    public Task UpdateProcessedJsonAsync(long entityId, string processedJson) =>
        _connection.ExecuteAsync(
            "UPDATE entities SET processed_json = @processedJson WHERE id = @entityId", new { entityId, processedJson }, _transaction);

    /// <summary>Deletes entities; their search rows and emitted relations go with them.</summary>
    public async Task DeleteAsync(IEnumerable<long> entityIds)
    {
        var ids = entityIds.Distinct().ToList();
        await DeleteWhereIdInAsync("relations", "originating_entity_id", ids);
        await DeleteWhereIdInAsync("search", "entity_id", ids);
        await DeleteWhereIdInAsync("entities", "id", ids);
    }

    /// <summary>The existing entities among <paramref name="entityRefs"/>, with the relations whose source they are.</summary>
    public async Task<IReadOnlyList<StitchInput>> LoadForStitchAsync(IEnumerable<string> entityRefs)
    {
        var result = new List<StitchInput>();
        foreach (var chunk in entityRefs.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            var rows = (await _connection.QueryAsync<(long Id, string EntityRef, string Uid, string Etag, string ProcessedJson, string? ErrorsJson)>(
                $"SELECT id, entity_ref, uid, etag, processed_json, errors_json FROM entities WHERE {In("entity_ref", "refs")}",
                new { refs = chunk },
                _transaction)).AsList();
            if (rows.Count == 0)
            {
                continue;
            }

            var relations = (await _connection.QueryAsync<StoredRelation>(
                    $"SELECT DISTINCT source_ref AS SourceRef, type AS Type, target_ref AS TargetRef FROM relations WHERE {In("source_ref", "refs")}",
                    new { refs = rows.Select(r => r.EntityRef).ToArray() },
                    _transaction))
                .ToLookup(r => r.SourceRef, StringComparer.Ordinal);
            result.AddRange(rows.Select(r => new StitchInput(
                r.Id, r.EntityRef, r.Uid, r.Etag, r.ProcessedJson, r.ErrorsJson, relations[r.EntityRef].ToList())));
        }

        return result;
    }

    /// <summary>Writes the final JSON, etag and search rows of stitched entities.</summary>
    public async Task WriteStitchedAsync(IReadOnlyList<StitchedEntityRecord> entities)
    {
        if (entities.Count == 0)
        {
            return;
        }

        var now = DateTime.UtcNow;
        if (_database.Provider == DatabaseProvider.Postgres)
        {
            // One statement for the whole batch instead of a round trip per entity.
            foreach (var chunk in entities.Chunk(Chunk * 10))
            {
                await _connection.ExecuteAsync(
                    "UPDATE entities SET final_json = v.final_json, etag = v.etag, updated_at = @now " +
                    "FROM (SELECT unnest(@ids) AS id, unnest(@jsons) AS final_json, unnest(@etags) AS etag) v WHERE entities.id = v.id",
                    new { ids = chunk.Select(e => e.Id).ToArray(), jsons = chunk.Select(e => e.FinalJson).ToArray(), etags = chunk.Select(e => e.Etag).ToArray(), now },
                    _transaction);
            }
        }
        else
        {
            BulkInsert.ExecutePrepared(
                _connection,
                _transaction,
                "UPDATE entities SET final_json = @p0, etag = @p1, updated_at = @p2 WHERE id = @p3",
                entities.Select(e => new object?[] { e.FinalJson, e.Etag, now, e.Id }).ToList());
        }

        await DeleteWhereIdInAsync("search", "entity_id", entities.Select(e => e.Id));
        var rows = new List<object?[]>();
        foreach (var entity in entities)
        {
            rows.AddRange(entity.Search.Select(s => new object?[] { entity.Id, s.Key, s.OriginalValue, s.Value }));
        }

        // Inserting in (key, value) order touches each page of that index once per batch instead of at random.
        rows.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal((string)a[1]!, (string)b[1]!);
            return byKey != 0 ? byKey : string.CompareOrdinal((string?)a[3], (string?)b[3]);
        });

        await BulkInsert.InsertAsync(_connection, _transaction, "search", ["entity_id", "key", "original_value", "value"], rows);
        SearchRowsWritten += rows.Count;
        await CountWrittenRowsAsync(rows.Count);
    }

    /// <summary>
    /// Records that the catalog's visible content changed, invalidating cached counts and facets
    /// (in every replica). Call once, as the last catalog statement of a changing transaction.
    /// </summary>
    public Task BumpGenerationAsync() =>
        _connection.ExecuteAsync("UPDATE catalog_state SET generation = generation + 1 WHERE id = 1", transaction: _transaction);

    public Task InsertLocationAsync(LocationRecord location) =>
        _connection.ExecuteAsync(
            "INSERT INTO locations (id, type, target, created_at) VALUES (@Id, @Type, @Target, @CreatedAt)", location, _transaction);

    public async Task<LocationRecord?> FindLocationAsync(string type, string target) =>
        (await _connection.QuerySingleOrDefaultAsync<LocationRow>(
            "SELECT id, type, target, created_at AS CreatedAt FROM locations WHERE type = @type AND target = @target", new { type, target },
            _transaction))?.ToRecord();

    public async Task<LocationRecord?> GetLocationAsync(string id) =>
        (await _connection.QuerySingleOrDefaultAsync<LocationRow>(
            "SELECT id, type, target, created_at AS CreatedAt FROM locations WHERE id = @id", new { id }, _transaction))?.ToRecord();

    public Task UpdateLocationAsync(string id, string type, string target) =>
        _connection.ExecuteAsync(
            "UPDATE locations SET type = @type, target = @target WHERE id = @id", new { id, type, target }, _transaction);

    public Task DeleteLocationAsync(string id) =>
        _connection.ExecuteAsync("DELETE FROM locations WHERE id = @id", new { id }, _transaction);

    public Task MarkLocationProcessedAsync(string id) =>
        _connection.ExecuteAsync(
            "UPDATE locations SET last_processed_at = @now WHERE id = @id", new { id, now = DateTime.UtcNow }, _transaction);

    private const string SelectExisting =
        "SELECT id AS Id, entity_ref AS EntityRef, uid AS Uid, processed_json AS ProcessedJson, errors_json AS ErrorsJson, " +
        "source AS Source, location_id AS LocationId, location_key AS LocationKey, parent_ref AS ParentRef FROM entities";

    private string In(string column, string parameter) => _database.Dialect.InList(column, parameter);

    private async Task CountWrittenRowsAsync(long rows)
    {
        if (_database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        _rowsWritten += rows;
        if (_rowsWritten < _nextStatisticsRefresh)
        {
            return;
        }

        await _connection.ExecuteAsync("ANALYZE entities, relations, search", transaction: _transaction);
        _nextStatisticsRefresh = Math.Max(FirstStatisticsRefresh, _rowsWritten * 2);
    }

    private async Task DeleteWhereIdInAsync(string table, string column, IEnumerable<long> ids)
    {
        foreach (var chunk in ids.Distinct().Chunk(Chunk))
        {
            await _connection.ExecuteAsync($"DELETE FROM {table} WHERE {In(column, "ids")}", new { ids = chunk }, _transaction);
        }
    }
}
