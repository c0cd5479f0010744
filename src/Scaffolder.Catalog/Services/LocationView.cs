using Scaffolder.Catalog.Locations;
using Scaffolder.Storage.Catalog;

namespace Scaffolder.Catalog.Services;

/// <summary>A location as the API shows it: <c>{id, type, target, entityRef}</c>.</summary>
public sealed record LocationView(string Id, string Type, string Target, string EntityRef)
{
    public static LocationView From(LocationRecord record) =>
        new(record.Id, record.Type, record.Target, GeneratedLocationEntity.RefFor(new LocationSpec(record.Type, record.Target)).ToString());
}

/// <summary>The outcome of adding a location (or of a dry run of it).</summary>
public sealed record LocationRegistration(LocationView Location, IReadOnlyList<string> EntitiesJson, bool? Exists);

/// <summary>A page of <c>POST /locations/by-query</c>.</summary>
public sealed record LocationPage(IReadOnlyList<LocationView> Items, int TotalItems, string? NextCursor);
