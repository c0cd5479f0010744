using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Processing;

namespace Scaffolder.Catalog.Locations;

/// <summary>An entity a location produced, where it was read from, and problems to show in its status.</summary>
public sealed class EmittedEntity(ProcessedEntity entity, EntityOrigin origin)
{
    public ProcessedEntity Entity { get; } = entity;

    public EntityOrigin Origin { get; } = origin;

    /// <summary>Problems reported on this entity (for Location entities: reading their targets and the documents in them).</summary>
    public List<ProcessingError> Errors { get; } = [];
}

/// <summary>A document that did not become an entity.</summary>
public sealed record FailedDocument(EntityRef? Ref, LocationSpec ReadFrom, string Message);

/// <summary>Everything one pass over a registered location produced.</summary>
public sealed record LocationProcessingResult(
    LocationSpec Location,
    IReadOnlyList<EmittedEntity> Entities,
    IReadOnlyList<FailedDocument> Failures,
    IReadOnlyList<string> Problems)
{
    public bool HasProblems => Problems.Count > 0;
}
