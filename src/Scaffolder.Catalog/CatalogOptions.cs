namespace Scaffolder.Catalog;

/// <summary>Configuration section <c>Catalog</c>.</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>How often registered locations are read again.</summary>
    public TimeSpan ProcessingInterval { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>What happens to an entity its location no longer produces: <c>keep</c> (marked orphan, as Backstage) or <c>delete</c>.</summary>
    public OrphanStrategy OrphanStrategy { get; set; } = OrphanStrategy.Keep;

    /// <summary>When true, locations cannot be added or removed (Backstage's <c>catalog.readonly</c>).</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Which kinds each location may add (Backstage's <c>catalog.rules</c>); empty allows every kind.</summary>
    public List<Locations.CatalogRule> Rules { get; set; } = [];
}

public enum OrphanStrategy
{
    Keep,
    Delete,
}
