namespace Scaffolder.Storage.Catalog;

/// <summary>Ordering by the (lowercased) search-index value of <see cref="Key"/>.</summary>
public sealed record SortKey(string Key, bool Descending);

/// <summary>A keyset position: the sort value and row id of the last (or first) row seen.</summary>
public sealed record SortPosition(string? Value, long Id);

/// <summary>
/// A page request over entities. With <see cref="Order"/> empty the order is by entity ref.
/// </summary>
public sealed record EntityQuery
{
    public EntityPredicate Filter { get; init; } = EntityPredicate.Everything;

    public IReadOnlyList<SortKey> Order { get; init; } = [];

    /// <summary>Drop entities that lack the (single) sort key instead of sorting them last.</summary>
    public bool ExcludeMissingSortValues { get; init; }

    /// <summary>Keyset cursor for a single sort key: rows strictly after this position.</summary>
    public SortPosition? After { get; init; }

    /// <summary>Keyset cursor for a single sort key: rows strictly before this position (a previous page).</summary>
    public SortPosition? Before { get; init; }

    public int Offset { get; init; }

    public int? Limit { get; init; }
}

/// <summary>One entity of a query result, with the sort value it was ordered by (single-key queries).</summary>
public sealed record EntityQueryRow(long Id, string FinalJson, string? SortValue);
