using Scaffolder.Catalog.Model;

namespace Scaffolder.Catalog.Processing;

/// <summary>Either a processed entity or the problems that stopped it.</summary>
public sealed record ProcessingOutcome(ProcessedEntity? Entity, EntityRef? Ref, IReadOnlyList<ProcessingError> Errors)
{
    public bool Success => Entity is not null;

    public static ProcessingOutcome Succeeded(ProcessedEntity entity) => new(entity, entity.Ref, []);

    public static ProcessingOutcome Failed(EntityRef? entityRef, IReadOnlyList<ProcessingError> errors) => new(null, entityRef, errors);
}
