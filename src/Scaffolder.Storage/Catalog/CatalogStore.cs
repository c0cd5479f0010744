using System.Globalization;
using System.Text;
using Dapper;

namespace Scaffolder.Storage.Catalog;

/// <summary>Reads of the catalog's tables, and the entry point for transactional writes.</summary>
public sealed class CatalogStore(Database database)
{
    private const int Chunk = 900;

    private readonly GenerationCache<long> _counts = new(512);
    private readonly GenerationCache<IReadOnlyDictionary<string, IReadOnlyList<(string Value, long Count)>>> _facets = new(256);

    private const string SelectFinal = "SELECT id AS Id, entity_ref AS EntityRef, final_json AS FinalJson FROM entities";

    public Database Database { get; } = database;

    // Loads this large change the data distribution enough that PostgreSQL should re-sample it now
    // rather than wait for autovacuum (query plans depend on the search table's statistics).
    private const long StatisticsRefreshThreshold = 50_000;

    /// <summary>Runs <paramref name="work"/> in one transaction; nothing is written if it throws.</summary>
    public async Task<T> WriteAsync<T>(Func<CatalogWriteSession, Task<T>> work, CancellationToken cancellationToken = default)
    {
        CatalogWriteSession? session = null;
        var result = await Database.InTransactionAsync(
            (connection, transaction) => work(session = new CatalogWriteSession(Database, connection, transaction)),
            cancellationToken);
        if (session?.SearchRowsWritten > StatisticsRefreshThreshold && Database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = await Database.OpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync("ANALYZE search; ANALYZE entities; ANALYZE relations;");
        }

        return result;
    }

    /// <summary>
    /// A write session on a transaction the caller already holds, so other stores' writes and the
    /// catalog's commit or roll back together.
    /// </summary>
    public CatalogWriteSession JoinTransaction(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction) =>
        new(Database, connection, transaction);

    public async Task<FinalEntityRecord?> GetByRefAsync(string entityRef, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<FinalEntityRecord>(
            $"{SelectFinal} WHERE entity_ref = @entityRef", new { entityRef });
    }

    public async Task<FinalEntityRecord?> GetByUidAsync(string uid, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<FinalEntityRecord>($"{SelectFinal} WHERE uid = @uid", new { uid });
    }

    /// <summary>Entities by ref, optionally narrowed by a filter; refs without a (matching) entity are absent.</summary>
    public async Task<IReadOnlyDictionary<string, FinalEntityRecord>> GetByRefsAsync(
        IEnumerable<string> entityRefs, EntityPredicate? filter = null, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, FinalEntityRecord>(StringComparer.Ordinal);
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in entityRefs.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            var parameters = new DynamicParameters();
            parameters.Add("refs", chunk);
            var condition = filter is null ? "1 = 1" : new PredicateSql(parameters).Condition(filter, "entities.id");
            foreach (var row in await connection.QueryAsync<FinalEntityRecord>(
                         $"{SelectFinal} WHERE {Database.Dialect.InList("entity_ref", "refs")} AND {condition}", parameters))
            {
                result[row.EntityRef] = row;
            }
        }

        return result;
    }

    /// <summary>The entity that emitted <paramref name="entityRef"/> during processing (ancestry), if any.</summary>
    public async Task<(bool Exists, string? ParentRef, string? FinalJson)> GetLineageAsync(string entityRef, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string ParentRef, string FinalJson)?>(
            "SELECT parent_ref, final_json FROM entities WHERE entity_ref = @entityRef", new { entityRef });
        return row is null ? (false, null, null) : (true, row.Value.ParentRef, row.Value.FinalJson);
    }

    /// <summary>Origin bookkeeping of an entity: its registered location id and the location key it was read from.</summary>
    public async Task<(string? LocationId, string? LocationKey, string Source)?> GetOriginAsync(string entityRef, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<(string?, string?, string)?>(
            "SELECT location_id, location_key, source FROM entities WHERE entity_ref = @entityRef", new { entityRef });
    }

    public async Task<IReadOnlyList<EntityQueryRow>> QueryAsync(EntityQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new DynamicParameters();
        var predicates = new PredicateSql(parameters);
        var sql = query.Order.Count == 1 && query.ExcludeMissingSortValues
            ? KeysetSql(query, predicates)
            : GeneralSql(query, predicates);
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        // Mapped through a loosely typed row: SQLite reports an empty result's computed sort column as a blob.
        var rows = (await connection.QueryAsync<QueryRow>(sql, parameters)).Select(r => new EntityQueryRow(r.Id, r.FinalJson, r.SortValue as string)).ToList();
        if (query.Before is not null)
        {
            rows.Reverse();
        }

        return rows;
    }

    /// <summary>Counts entities matching the filter (and having the sort key, when <paramref name="requiredKey"/> is given).</summary>
    public async Task<long> CountAsync(EntityPredicate filter, string? requiredKey = null, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters();
        var predicates = new PredicateSql(parameters);
        var condition = predicates.Condition(filter, "e.id");
        if (requiredKey is not null)
        {
            condition += $" AND EXISTS (SELECT 1 FROM search o WHERE o.entity_id = e.id AND o.key = {predicates.Bind(requiredKey)} AND o.value IS NOT NULL)";
        }

        var sql = $"SELECT COUNT(*) FROM entities e WHERE {condition}";
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        var generation = await GenerationAsync(connection);
        var key = CacheKey(sql, parameters);
        if (_counts.TryGet(key, generation, out var cached))
        {
            return cached;
        }

        var count = await connection.ExecuteScalarAsync<long>(sql, parameters);
        _counts.Set(key, generation, count);
        return count;
    }

    /// <summary>The catalog's change counter (see <see cref="CatalogWriteSession.BumpGenerationAsync"/>).</summary>
    public async Task<long> GetGenerationAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return await GenerationAsync(connection);
    }

    /// <summary>For each key: the distinct original values among matching entities, with entity counts.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<(string Value, long Count)>>> FacetsAsync(
        IReadOnlyCollection<string> keys, EntityPredicate filter, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters();
        var predicates = new PredicateSql(parameters);
        parameters.Add("keys", keys.Distinct(StringComparer.Ordinal).ToArray());
        var condition = filter is AllOf { Items.Count: 0 } ? "1 = 1" : predicates.Condition(filter, "s.entity_id");
        var sql = $"SELECT s.key, s.original_value, COUNT(*) FROM search s WHERE {Database.Dialect.InList("s.key", "keys")} AND s.original_value IS NOT NULL AND {condition} " +
            "GROUP BY s.key, s.original_value";
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        var generation = await GenerationAsync(connection);
        var cacheKey = CacheKey(sql, parameters);
        if (_facets.TryGet(cacheKey, generation, out var cached))
        {
            return cached;
        }

        var rows = await connection.QueryAsync<(string Key, string Value, long Count)>(sql, parameters);
        var result = rows.GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, long)>)g.Select(r => (r.Value, r.Count)).ToList(), StringComparer.Ordinal);
        _facets.Set(cacheKey, generation, result);
        return result;
    }

    public async Task<IReadOnlyList<LocationRecord>> ListLocationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<LocationRow>(
            "SELECT id, type, target, created_at AS CreatedAt FROM locations ORDER BY created_at, id")).Select(r => r.ToRecord()).ToList();
    }

    public async Task<LocationRecord?> GetLocationAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<LocationRow>(
            "SELECT id, type, target, created_at AS CreatedAt FROM locations WHERE id = @id", new { id }))?.ToRecord();
    }

    /// <summary>Locations whose last processing is older than <paramref name="cutoff"/> (or that were never processed).</summary>
    public async Task<IReadOnlyList<LocationRecord>> LocationsDueAsync(DateTime cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await Database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<LocationRow>(
            "SELECT id, type, target, created_at AS CreatedAt FROM locations WHERE last_processed_at IS NULL OR last_processed_at < @cutoff ORDER BY id",
            new { cutoff })).Select(r => r.ToRecord()).ToList();
    }

    private static Task<long> GenerationAsync(System.Data.Common.DbConnection connection) =>
        connection.ExecuteScalarAsync<long>("SELECT generation FROM catalog_state WHERE id = 1");

    private static string CacheKey(string sql, DynamicParameters parameters)
    {
        var key = new StringBuilder(sql);
        foreach (var name in parameters.ParameterNames.Order(StringComparer.Ordinal))
        {
            var value = parameters.Get<object?>(name);
            key.Append('\u001f').Append(name).Append('=')
                .Append(value is System.Collections.IEnumerable list and not string ? string.Join("\u001e", list.Cast<object?>()) : value);
        }

        return key.ToString();
    }

    private sealed class QueryRow
    {
        public long Id { get; set; }

        public string FinalJson { get; set; } = string.Empty;

        public object? SortValue { get; set; }
    }

    // Single sort key, entities lacking it excluded: walk the search index in value order and stop at
    // the limit, so a first page costs the same however large the catalog is. Entity rows are read
    // only for the page itself.
    private static string KeysetSql(EntityQuery query, PredicateSql predicates)
    {
        var key = query.Order[0];
        var descending = key.Descending ^ (query.Before is not null);
        var direction = descending ? "DESC" : "ASC";
        var page = new StringBuilder()
            .Append("SELECT o.entity_id, o.value FROM search o WHERE o.key = ")
            .Append(predicates.Bind(key.Key))
            .Append(" AND o.value IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search m WHERE m.entity_id = o.entity_id AND m.key = o.key AND m.value < o.value)");
        if (query.Filter is not AllOf { Items.Count: 0 })
        {
            page.Append(" AND ").Append(predicates.Condition(query.Filter, "o.entity_id"));
        }

        if ((query.After ?? query.Before) is { } position)
        {
            var op = descending ? "<" : ">";
            var value = predicates.Bind(position.Value);
            var id = predicates.Bind(position.Id);
            // A row-value comparison is one index range in both databases (an OR of two conditions is not).
            page.Append(CultureInfo.InvariantCulture, $" AND (o.value, o.entity_id) {op} ({value}, {id})");
        }

        page.Append(CultureInfo.InvariantCulture, $" ORDER BY o.value {direction}, o.entity_id {direction}");
        AppendPaging(page, query, predicates);
        return "SELECT e.id AS Id, e.final_json AS FinalJson, p.value AS SortValue FROM (" + page +
            $") p JOIN entities e ON e.id = p.entity_id ORDER BY p.value {direction}, p.entity_id {direction}";
    }

    private static string GeneralSql(EntityQuery query, PredicateSql predicates)
    {
        var columns = new StringBuilder("e.id AS Id, e.entity_ref AS RefSort");
        var order = new List<string>();
        for (var i = 0; i < query.Order.Count; i++)
        {
            var key = query.Order[i];
            columns.Append(CultureInfo.InvariantCulture, $", (SELECT MIN(x.value) FROM search x WHERE x.entity_id = e.id AND x.key = {predicates.Bind(key.Key)}) AS s{i}");
            // Missing values sort last in either direction.
            order.Add($"CASE WHEN s{i} IS NULL THEN 1 ELSE 0 END");
            order.Add($"s{i} {(key.Descending ? "DESC" : "ASC")}");
        }

        order.Add(query.Order.Count == 0 ? "RefSort, Id" : "Id");
        var page = new StringBuilder()
            .Append("SELECT Id, ").Append(query.Order.Count > 0 ? "s0" : "RefSort").Append(" AS SortValue, ROW_NUMBER() OVER (ORDER BY ")
            .AppendJoin(", ", order).Append(") AS Position FROM (SELECT ")
            .Append(columns).Append(" FROM entities e WHERE ").Append(predicates.Condition(query.Filter, "e.id")).Append(") q");
        if (query.ExcludeMissingSortValues && query.Order.Count > 0)
        {
            page.Append(" WHERE s0 IS NOT NULL");
        }

        page.Append(" ORDER BY ").AppendJoin(", ", order);
        AppendPaging(page, query, predicates);
        return "SELECT e.id AS Id, e.final_json AS FinalJson, p.SortValue FROM (" + page + ") p JOIN entities e ON e.id = p.Id ORDER BY p.Position";
    }

    private static void AppendPaging(StringBuilder sql, EntityQuery query, PredicateSql predicates)
    {
        if (query.Limit is { } limit)
        {
            sql.Append(" LIMIT ").Append(predicates.Bind(limit));
        }
        else if (query.Offset > 0)
        {
            // Both dialects need a LIMIT before OFFSET; -1 (SQLite) / ALL (PostgreSQL) differ, so use a large bound.
            sql.Append(" LIMIT ").Append(predicates.Bind(long.MaxValue / 2));
        }

        if (query.Offset > 0)
        {
            sql.Append(" OFFSET ").Append(predicates.Bind(query.Offset));
        }
    }
}
