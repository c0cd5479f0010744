using Scaffolder.Storage.Catalog;

namespace Scaffolder.Catalog.Tests.Querying;

/// <summary>Structural equality of predicates (records compare lists by reference).</summary>
public sealed class PredicateComparer : IEqualityComparer<EntityPredicate?>
{
    public static readonly PredicateComparer Instance = new();

    public bool Equals(EntityPredicate? x, EntityPredicate? y) => (x, y) switch
    {
        (null, null) => true,
        (AllOf a, AllOf b) => a.Items.Count == b.Items.Count && a.Items.Zip(b.Items).All(p => Equals(p.First, p.Second)),
        (AnyOf a, AnyOf b) => a.Items.Count == b.Items.Count && a.Items.Zip(b.Items).All(p => Equals(p.First, p.Second)),
        (Not a, Not b) => Equals(a.Item, b.Item),
        (HasKey a, HasKey b) => a.Key == b.Key,
        (ValueIn a, ValueIn b) => a.Key == b.Key && a.Values.SequenceEqual(b.Values),
        (ValueStartsWith a, ValueStartsWith b) => a == b,
        (ValueContains a, ValueContains b) => a.Term == b.Term && a.Keys.SequenceEqual(b.Keys),
        _ => false,
    };

    public int GetHashCode(EntityPredicate? obj) => obj?.GetType().GetHashCode() ?? 0;
}
