namespace Scaffolder.Catalog.Locations;

/// <summary>
/// One entry of <c>Catalog:Rules</c> (Backstage's <c>catalog.rules</c>): which kinds may be added
/// from which locations. A rule without <see cref="Locations"/> applies to every location.
/// </summary>
public sealed class CatalogRule
{
    public List<string> Allow { get; set; } = [];

    public List<CatalogRuleLocation>? Locations { get; set; }
}

public sealed class CatalogRuleLocation
{
    public string Type { get; set; } = string.Empty;

    /// <summary>Exact target; when both are absent every target of the type matches.</summary>
    public string? Target { get; set; }

    /// <summary>A glob (<c>*</c>, <c>**</c>) over the target.</summary>
    public string? Pattern { get; set; }
}
