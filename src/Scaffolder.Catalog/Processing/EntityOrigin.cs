using Scaffolder.Catalog.Locations;

namespace Scaffolder.Catalog.Processing;

/// <summary>Where an entity being processed comes from.</summary>
/// <param name="ReadFrom">The location whose contents held the entity (its managed-by-location).</param>
/// <param name="Origin">The registered location the processing started from (managed-by-origin-location).</param>
/// <param name="ParentRef">The entity that emitted this one (ancestry), or null for roots.</param>
public sealed record EntityOrigin(LocationSpec ReadFrom, LocationSpec Origin, string? ParentRef);
