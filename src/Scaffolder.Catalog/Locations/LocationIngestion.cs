using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Processing;
using Scaffolder.Storage.Catalog;

namespace Scaffolder.Catalog.Locations;

/// <summary>
/// Applies one processing pass of a registered location inside a write session: upserts what it
/// produced, keeps the last good version of entities whose document now fails (with the error in
/// their status), handles entities it no longer produces per the orphan strategy, and reports refs
/// claimed by another location as conflicts.
/// </summary>
public static class LocationIngestion
{
    public const string Source = "location";

    public static async Task ApplyAsync(
        CatalogWriteSession session,
        LocationRecord location,
        LocationProcessingResult result,
        OrphanStrategy orphanStrategy)
    {
        var previous = (await session.GetByLocationAsync(location.Id)).ToDictionary(e => e.EntityRef, StringComparer.Ordinal);
        var claimed = await session.GetExistingAsync(result.Entities.Select(e => e.Entity.CanonicalRef));
        var upserts = new List<ProcessedEntityRecord>();
        var produced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var emitted in result.Entities)
        {
            var entityRef = emitted.Entity.CanonicalRef;
            if (claimed.TryGetValue(entityRef, out var other) && other.LocationId != location.Id)
            {
                var emitter = result.Entities.FirstOrDefault(e => e.Entity.CanonicalRef == emitted.Origin.ParentRef) ?? result.Entities[0];
                emitter.Errors.Add(ProcessingError.Conflict(
                    $"Detected conflicting entityRef {entityRef} already referenced by {other.LocationKey ?? other.Source} and now also {emitted.Origin.ReadFrom}"));
                continue;
            }

            produced.Add(entityRef);
        }

        foreach (var emitted in result.Entities.Where(e => produced.Contains(e.Entity.CanonicalRef)))
        {
            var entityRef = emitted.Entity.CanonicalRef;
            upserts.Add(new ProcessedEntityRecord(
                entityRef,
                previous.TryGetValue(entityRef, out var existing) ? existing.Uid : Guid.NewGuid().ToString(),
                CatalogJson.Serialize(emitted.Entity.Entity),
                ProcessingError.ToJson(emitted.Errors),
                Source,
                location.Id,
                emitted.Origin.ReadFrom.ToString(),
                emitted.Origin.ParentRef,
                emitted.Entity.Relations.Select(r => new StoredRelation(r.SourceRef, r.Type, r.TargetRef)).ToList()));
        }

        // A document that stops validating keeps its entity's last good form, with the problem in its status.
        var failing = new List<string>();
        foreach (var failure in result.Failures.Where(f => f.Ref is not null))
        {
            var entityRef = failure.Ref!.Value.ToString();
            if (previous.TryGetValue(entityRef, out var existing) && !produced.Contains(entityRef))
            {
                var errors = result.Failures.Where(f => f.Ref?.ToString() == entityRef).Select(f => ProcessingError.Input(f.Message)).ToList();
                await session.SetErrorsAsync(existing.Id, ProcessingError.ToJson(errors));
                failing.Add(entityRef);
                produced.Add(entityRef);
            }
        }

        var orphans = previous.Values.Where(e => !produced.Contains(e.EntityRef)).ToList();
        var deletions = new List<long>();
        foreach (var orphan in orphans)
        {
            if (orphanStrategy == OrphanStrategy.Delete)
            {
                deletions.Add(orphan.Id);
                continue;
            }

            var entity = CatalogJson.ParseObject(orphan.ProcessedJson);
            if (EntityJson.Annotation(entity, Annotations.Orphan) != "true")
            {
                EntityJson.SetAnnotation(entity, Annotations.Orphan, "true");
                await session.UpdateProcessedJsonAsync(orphan.Id, CatalogJson.Serialize(entity));
                failing.Add(orphan.EntityRef);
            }
        }

        await CatalogWriter.ApplyAsync(session, upserts, deletions, failing);
        await session.MarkLocationProcessedAsync(location.Id);
    }
}
