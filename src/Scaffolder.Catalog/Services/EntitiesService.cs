using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Processing;
using Scaffolder.Catalog.Querying;
using Scaffolder.Common.Errors;
using Scaffolder.Storage.Catalog;

namespace Scaffolder.Catalog.Services;

/// <summary>Reading and deleting entities: the catalog's query surface.</summary>
public sealed partial class EntitiesService(CatalogStore store)
{
    public const int DefaultQueryLimit = 200;
    public const int MaxLimit = 10_000;
    private const string DefaultOrderField = "metadata.uid";

    public async Task<EntityListResult> ListAsync(EntityListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = FilterParser.Parse(request.Filters) ?? EntityPredicate.Everything;
        var fields = FieldProjection.Parse(request.Fields);
        var order = request.Order.Select(ParseOrder).ToList();
        var limit = IntegerParameter.Parse(request.Limit, "limit", 1);
        var offset = IntegerParameter.Parse(request.Offset, "offset", 0);
        if (request.After is not null)
        {
            (limit, offset) = ParseAfter(request.After);
        }

        var paged = limit is not null || offset is not null;
        var rows = await store.QueryAsync(
            new EntityQuery
            {
                Filter = filter,
                Order = order,
                Offset = offset ?? 0,
                Limit = limit is { } l ? Math.Min(l, MaxLimit) + 1 : null,
            },
            cancellationToken);
        string? next = null;
        if (paged && limit is { } pageSize && rows.Count > pageSize)
        {
            rows = rows.Take(pageSize).ToList();
            next = QueryCursor.EncodeAfter(pageSize, (offset ?? 0) + pageSize);
        }

        return new EntityListResult(rows.Select(r => Project(r.FinalJson, fields)).ToList(), next);
    }

    public async Task<EntityQueryResult> QueryAsync(EntityQueryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = FieldProjection.Parse(request.Fields);
        var limit = Math.Min(request.Limit ?? DefaultQueryLimit, MaxLimit);
        if (limit < 0 || request.Offset < 0)
        {
            throw new InputError("limit and offset must not be negative");
        }

        QueryCursor cursor;
        bool initial = request.Cursor is null;
        if (request.Cursor is { } encoded)
        {
            cursor = QueryCursor.Decode(encoded);
        }
        else
        {
            var (field, order) = request.OrderFields.Count > 0 ? ParseOrderField(request.OrderFields[0]) : (DefaultOrderField, "asc");
            cursor = new QueryCursor
            {
                OrderField = field,
                Order = order,
                Filter = request.Filters,
                Query = request.Query?.DeepClone(),
                FullTextTerm = string.IsNullOrWhiteSpace(request.FullTextTerm) ? null : EntityRef.Lower(request.FullTextTerm.Trim()),
                FullTextFields = request.FullTextFields.SelectMany(f => f.Split(',')).Select(f => EntityRef.Lower(f.Trim())).Where(f => f.Length > 0).ToList(),
            };
        }

        var filter = BuildFilter(cursor);
        var sort = new SortKey(cursor.OrderField, cursor.Order == "desc");
        var position = initial ? null : new SortPosition(cursor.Value, cursor.Id);
        var total = cursor.TotalItems;
        if (initial)
        {
            total = string.Equals(request.TotalItems, "exclude", StringComparison.OrdinalIgnoreCase)
                ? 0
                : await store.CountAsync(filter, cursor.OrderField, cancellationToken);
        }

        if (limit == 0)
        {
            return new EntityQueryResult([], total, null, null);
        }

        var rows = await store.QueryAsync(
            new EntityQuery
            {
                Filter = filter,
                Order = [sort],
                ExcludeMissingSortValues = true,
                After = cursor.IsPrevious ? null : position,
                Before = cursor.IsPrevious ? position : null,
                Offset = initial ? request.Offset ?? 0 : 0,
                Limit = limit + 1,
            },
            cancellationToken);

        var more = rows.Count > limit;
        IReadOnlyList<EntityQueryRow> page;
        bool hasNext, hasPrevious;
        if (cursor.IsPrevious)
        {
            page = more ? rows.Skip(rows.Count - limit).ToList() : rows;
            hasPrevious = more;
            hasNext = true;
        }
        else
        {
            page = more ? rows.Take(limit).ToList() : rows;
            hasNext = more;
            hasPrevious = !initial || (request.Offset ?? 0) > 0;
        }

        string? Mint(EntityQueryRow row, bool previous) =>
            (cursor with { Value = row.SortValue, Id = row.Id, IsPrevious = previous, TotalItems = total }).Encode();

        return new EntityQueryResult(
            page.Select(r => Project(r.FinalJson, fields)).ToList(),
            total,
            hasNext && page.Count > 0 ? Mint(page[^1], false) : null,
            hasPrevious && page.Count > 0 ? Mint(page[0], true) : null);
    }

    public async Task<string?> GetByRefAsync(EntityRef entityRef, CancellationToken cancellationToken = default) =>
        (await store.GetByRefAsync(entityRef.ToString(), cancellationToken))?.FinalJson;

    public async Task<string?> GetByUidAsync(string uid, CancellationToken cancellationToken = default) =>
        (await store.GetByUidAsync(uid, cancellationToken))?.FinalJson;

    /// <summary>One slot per requested ref, in request order; null where nothing (matching) exists.</summary>
    public async Task<IReadOnlyList<string?>> GetByRefsAsync(
        IReadOnlyList<string> entityRefs, IReadOnlyList<string> filters, JsonNode? query, IReadOnlyList<string> fieldValues, CancellationToken cancellationToken = default)
    {
        var fields = FieldProjection.Parse(fieldValues);
        var filter = Combine(FilterParser.Parse(filters), query is null ? null : PredicateParser.Parse(query));
        var canonical = entityRefs.Select(r => EntityRef.TryParse(r, out var parsed, out _) ? parsed.ToString() : null).ToList();
        var found = await store.GetByRefsAsync(canonical.OfType<string>(), filter, cancellationToken);
        return canonical.Select(r => r is not null && found.TryGetValue(r, out var row) ? Project(row.FinalJson, fields) : null).ToList();
    }

    public async Task<(string RootRef, IReadOnlyList<AncestryItem> Items)> GetAncestryAsync(EntityRef entityRef, CancellationToken cancellationToken = default)
    {
        var rootRef = entityRef.ToString();
        var items = new List<AncestryItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = rootRef; current is not null && seen.Add(current);)
        {
            var (exists, parent, json) = await store.GetLineageAsync(current, cancellationToken);
            if (!exists)
            {
                if (items.Count == 0)
                {
                    throw new NotFoundError($"No such entity {rootRef}");
                }

                break;
            }

            items.Add(new AncestryItem(json!, parent is null ? [] : [parent]));
            current = parent;
        }

        return (rootRef, items);
    }

    /// <summary>Distinct values with entity counts for each requested facet, keyed as requested.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<(string Value, long Count)>>> GetFacetsAsync(
        IReadOnlyList<string> facets, IReadOnlyList<string> filters, JsonNode? query, CancellationToken cancellationToken = default)
    {
        var requested = facets.Where(f => f.Trim().Length > 0).ToList();
        if (requested.Count == 0)
        {
            throw new InputError("Missing facet parameter");
        }

        var filter = Combine(FilterParser.Parse(filters), query is null ? null : PredicateParser.Parse(query)) ?? EntityPredicate.Everything;
        var counts = await store.FacetsAsync(requested.Select(f => EntityRef.Lower(f.Trim())).ToList(), filter, cancellationToken);
        var result = new Dictionary<string, IReadOnlyList<(string, long)>>(StringComparer.Ordinal);
        foreach (var facet in requested)
        {
            result[facet] = counts.TryGetValue(EntityRef.Lower(facet.Trim()), out var values) ? values : [];
        }

        return result;
    }

    /// <summary>Deletes an entity by uid (its location may produce it again); unknown uids are ignored.</summary>
    public async Task DeleteByUidAsync(string uid, CancellationToken cancellationToken = default)
    {
        var row = await store.GetByUidAsync(uid, cancellationToken);
        if (row is not null)
        {
            await store.WriteAsync(
                async session =>
                {
                    await CatalogWriter.ApplyAsync(session, [], [row.Id]);
                    return true;
                },
                cancellationToken);
        }
    }

    private static EntityPredicate BuildFilter(QueryCursor cursor)
    {
        var filter = Combine(FilterParser.Parse(cursor.Filter), cursor.Query is null ? null : PredicateParser.Parse(cursor.Query));
        if (cursor.FullTextTerm is { Length: > 0 } term)
        {
            var keys = cursor.FullTextFields is { Count: > 0 } fields ? fields : [EntityRef.Lower(cursor.OrderField)];
            filter = Combine(filter, new ValueContains(keys, term));
        }

        return filter ?? EntityPredicate.Everything;
    }

    private static EntityPredicate? Combine(EntityPredicate? left, EntityPredicate? right) =>
        (left, right) switch
        {
            (null, _) => right,
            (_, null) => left,
            _ => new AllOf([left, right]),
        };

    private static SortKey ParseOrder(string order)
    {
        var match = OrderPattern().Match(order);
        if (!match.Success)
        {
            throw new InputError($"Invalid order parameter \"{order}\", expected \"asc:<field>\" or \"desc:<field>\"");
        }

        return new SortKey(EntityRef.Lower(match.Groups[2].Value), match.Groups[1].Value == "desc");
    }

    private static (string Field, string Order) ParseOrderField(string value)
    {
        var comma = value.LastIndexOf(',');
        var field = (comma < 0 ? value : value[..comma]).Trim();
        var order = comma < 0 ? "asc" : value[(comma + 1)..].Trim();
        if (field.Length == 0 || order is not ("asc" or "desc"))
        {
            throw new InputError($"Invalid orderField \"{value}\", expected \"<field>,asc\" or \"<field>,desc\"");
        }

        return (EntityRef.Lower(field), order);
    }

    private static (int Limit, int Offset) ParseAfter(string after)
    {
        try
        {
            var json = JsonNode.Parse(Convert.FromBase64String(after));
            var limit = json?["limit"]?.GetValue<int>() ?? throw new FormatException("missing limit");
            var offset = json["offset"]?.GetValue<int>() ?? 0;
            if (limit < 1 || offset < 0)
            {
                throw new FormatException("limit must be positive and offset not negative");
            }

            return (limit, offset);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new InputError($"Malformed after cursor: {e.Message}");
        }
    }

    private static string Project(string json, FieldProjection? fields) =>
        fields is null ? json : CatalogJson.Serialize(fields.Apply(CatalogJson.ParseObject(json)));

    [GeneratedRegex("^(asc|desc):(.+)$")]
    private static partial Regex OrderPattern();
}
