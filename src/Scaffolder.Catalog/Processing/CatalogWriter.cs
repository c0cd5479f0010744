using Scaffolder.Storage.Catalog;

namespace Scaffolder.Catalog.Processing;

/// <summary>
/// Writes processed entities and deletions inside a write session, then re-stitches every entity
/// whose final form depends on them (the entities themselves and the targets of their relations),
/// so reads never see a relation on one side only.
/// </summary>
public static class CatalogWriter
{
    public static async Task ApplyAsync(
        CatalogWriteSession session,
        IReadOnlyList<ProcessedEntityRecord> upserts,
        IReadOnlyCollection<long> deletions,
        IEnumerable<string>? alsoRestitch = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var existing = await session.GetExistingAsync(upserts.Select(u => u.EntityRef));
        var affected = new HashSet<string>(StringComparer.Ordinal);
        affected.UnionWith(await session.RelationSourcesEmittedByAsync(existing.Values.Select(e => e.Id).Concat(deletions)));

        if (deletions.Count > 0)
        {
            await session.DeleteAsync(deletions);
        }

        if (upserts.Count > 0)
        {
            await session.UpsertProcessedAsync(upserts);
        }

        foreach (var upsert in upserts)
        {
            affected.Add(upsert.EntityRef);
            affected.UnionWith(upsert.Relations.Select(r => r.SourceRef));
        }

        if (alsoRestitch is not null)
        {
            affected.UnionWith(alsoRestitch);
        }

        var changed = await RestitchAsync(session, affected);
        if (changed == 0 && deletions.Count > 0)
        {
            await session.BumpGenerationAsync();
        }
    }

    /// <summary>Re-stitches the entities; returns how many changed (and bumps the catalog generation if any did).</summary>
    public static async Task<int> RestitchAsync(CatalogWriteSession session, IEnumerable<string> entityRefs)
    {
        ArgumentNullException.ThrowIfNull(session);
        var inputs = await session.LoadForStitchAsync(entityRefs);
        var changed = inputs.Select(Stitcher.Stitch).Zip(inputs).Where(pair => pair.First.Etag != pair.Second.Etag).Select(pair => pair.First).ToList();
        if (changed.Count > 0)
        {
            await session.WriteStitchedAsync(changed);
            await session.BumpGenerationAsync();
        }

        return changed.Count;
    }
}
