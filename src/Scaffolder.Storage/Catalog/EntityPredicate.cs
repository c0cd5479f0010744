namespace Scaffolder.Storage.Catalog;

/// <summary>
/// A condition on the search index of an entity. Keys and values are already lowercased by the
/// caller; the storage layer only translates to SQL.
/// </summary>
public abstract record EntityPredicate
{
    public static readonly EntityPredicate Everything = new AllOf([]);
}

/// <summary>All items hold (an empty list holds for every entity).</summary>
public sealed record AllOf(IReadOnlyList<EntityPredicate> Items) : EntityPredicate;

/// <summary>At least one item holds (an empty list holds for no entity).</summary>
public sealed record AnyOf(IReadOnlyList<EntityPredicate> Items) : EntityPredicate;

public sealed record Not(EntityPredicate Item) : EntityPredicate;

/// <summary>The entity has the key, with any value (null included).</summary>
public sealed record HasKey(string Key) : EntityPredicate;

/// <summary>The entity has the key with one of the values.</summary>
public sealed record ValueIn(string Key, IReadOnlyList<string> Values) : EntityPredicate;

/// <summary>The entity has the key with a value starting with the prefix.</summary>
public sealed record ValueStartsWith(string Key, string Prefix) : EntityPredicate;

/// <summary>One of the keys (all keys when empty) has a value containing the term.</summary>
public sealed record ValueContains(IReadOnlyList<string> Keys, string Term) : EntityPredicate;
