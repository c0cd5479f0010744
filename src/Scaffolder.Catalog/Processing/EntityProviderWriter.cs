using System.Text.Json.Nodes;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Model;
using Scaffolder.Common.Errors;
using Scaffolder.Storage.Catalog;

namespace Scaffolder.Catalog.Processing;

/// <summary>
/// How features other than locations put entities into the catalog (Backstage's entity providers):
/// a named provider owns a set of entities and changes it inside the caller's transaction, so the
/// provider's own data and its catalog projection never disagree. Entities are processed like any
/// other (validated, relations derived, stitched); an invalid one rejects the whole change.
/// </summary>
public sealed class EntityProviderWriter(EntityProcessor processor)
{
    private const int PartSize = 1000;

    /// <summary>Adds or replaces <paramref name="upserts"/> and removes <paramref name="removals"/> for the provider.</summary>
    /// <param name="origin">Recorded as the entities' managed-by-location annotations, e.g. <c>hierarchy:/api/hierarchy</c>.</param>
    public async Task ApplyDeltaAsync(
        CatalogWriteSession session,
        string providerName,
        LocationSpec origin,
        IReadOnlyList<JsonObject> upserts,
        IReadOnlyCollection<EntityRef> removals)
    {
        ArgumentNullException.ThrowIfNull(session);
        var source = SourceName(providerName);
        var writer = new CatalogWriter(session);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // In parts, so memory stays bounded however many entities a provider hands over.
        foreach (var part in upserts.Chunk(PartSize))
        {
            var processed = Process(part, origin, seen);
            var existing = await session.GetExistingAsync(processed.Select(p => p.CanonicalRef));
            foreach (var entity in processed)
            {
                if (existing.TryGetValue(entity.CanonicalRef, out var row) && row.Source != source)
                {
                    throw new ConflictError(
                        $"Entity {entity.CanonicalRef} is already provided by {row.LocationKey ?? row.Source}; it cannot also come from {providerName}");
                }
            }

            var records = processed.Select(p => new ProcessedEntityRecord(
                p.CanonicalRef,
                existing.TryGetValue(p.CanonicalRef, out var row) ? row.Uid : Guid.NewGuid().ToString(),
                CatalogJson.Serialize(p.Entity),
                null,
                source,
                null,
                origin.ToString(),
                null,
                p.Relations.Select(r => new StoredRelation(r.SourceRef, r.Type, r.TargetRef)).ToList())).ToList();
            await writer.WriteAsync(records, []);
        }

        var removed = await session.GetExistingAsync(removals.Select(r => r.ToString()));
        var deletions = removed.Values.Where(row => row.Source == source).Select(row => row.Id).ToList();
        await writer.WriteAsync([], deletions);
        await writer.CompleteAsync();
    }

    /// <summary>Makes the provider's entity set exactly <paramref name="entities"/>: adds, updates and removes as needed.</summary>
    public async Task ApplyFullAsync(CatalogWriteSession session, string providerName, LocationSpec origin, IReadOnlyList<JsonObject> entities)
    {
        ArgumentNullException.ThrowIfNull(session);
        var current = await session.GetBySourceAsync(SourceName(providerName));
        var keep = new HashSet<string>(entities.Select(e => EntityJson.RefOf(e).ToString()), StringComparer.Ordinal);
        var removals = current.Where(c => !keep.Contains(c.EntityRef)).Select(c => EntityRef.Parse(c.EntityRef)).ToList();
        await ApplyDeltaAsync(session, providerName, origin, entities, removals);
    }

    private static string SourceName(string providerName) =>
        string.IsNullOrWhiteSpace(providerName) || providerName == LocationIngestion.Source
            ? throw new ArgumentException("A provider needs its own name.", nameof(providerName))
            : $"provider:{providerName}";

    private List<ProcessedEntity> Process(IReadOnlyList<JsonObject> entities, LocationSpec origin, HashSet<string> seen)
    {
        var result = new List<ProcessedEntity>(entities.Count);
        foreach (var entity in entities)
        {
            var outcome = processor.Process(entity, new EntityOrigin(origin, origin, null), applyRules: false);
            if (!outcome.Success)
            {
                throw new ValidationFailedError(outcome.Errors
                    .Select(e => (ServiceError)new InputError($"{outcome.Ref?.ToString() ?? "entity"}: {e.Message}"))
                    .ToList());
            }

            if (!seen.Add(outcome.Entity!.CanonicalRef))
            {
                throw new InputError($"Entity {outcome.Entity.CanonicalRef} is given more than once");
            }

            result.Add(outcome.Entity);
        }

        return result;
    }
}
