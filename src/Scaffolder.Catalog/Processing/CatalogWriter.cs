using Scaffolder.Storage.Catalog;

namespace Scaffolder.Catalog.Processing;

/// <summary>
/// Writes processed entities and deletions inside a write session and then re-stitches every
/// entity whose final form depends on them (the entities themselves and the sources of the
/// relations they emitted, before and after), so reads never see a relation on one side only.
/// Changes can be written in several parts; each affected entity is stitched once, at the end.
/// </summary>
public sealed class CatalogWriter(CatalogWriteSession session)
{
    private const int StitchChunk = 1000;

    private readonly HashSet<string> _affected = new(StringComparer.Ordinal);
    private bool _deleted;

    /// <summary>Writes one part and remembers what it affects; nothing is stitched until <see cref="CompleteAsync"/>.</summary>
    public async Task WriteAsync(IReadOnlyList<ProcessedEntityRecord> upserts, IReadOnlyCollection<long> deletions, IEnumerable<string>? alsoRestitch = null)
    {
        var existing = await session.GetExistingAsync(upserts.Select(u => u.EntityRef));
        _affected.UnionWith(await session.RelationSourcesEmittedByAsync(existing.Values.Select(e => e.Id).Concat(deletions)));
        if (deletions.Count > 0)
        {
            await session.DeleteAsync(deletions);
            _deleted = true;
        }

        if (upserts.Count > 0)
        {
            await session.UpsertProcessedAsync(upserts);
        }

        foreach (var upsert in upserts)
        {
            _affected.Add(upsert.EntityRef);
            _affected.UnionWith(upsert.Relations.Select(r => r.SourceRef));
        }

        if (alsoRestitch is not null)
        {
            _affected.UnionWith(alsoRestitch);
        }
    }

    /// <summary>Stitches everything the written parts affected and records the change; returns how many entities changed.</summary>
    public async Task<int> CompleteAsync()
    {
        var changed = 0;
        foreach (var chunk in _affected.Order(StringComparer.Ordinal).Chunk(StitchChunk))
        {
            changed += await StitchAsync(session, chunk);
        }

        _affected.Clear();
        if (changed > 0 || _deleted)
        {
            await session.BumpGenerationAsync();
        }

        _deleted = false;
        return changed;
    }

    /// <summary>Writes one set of changes and stitches what they affect.</summary>
    public static async Task ApplyAsync(
        CatalogWriteSession session,
        IReadOnlyList<ProcessedEntityRecord> upserts,
        IReadOnlyCollection<long> deletions,
        IEnumerable<string>? alsoRestitch = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var writer = new CatalogWriter(session);
        await writer.WriteAsync(upserts, deletions, alsoRestitch);
        await writer.CompleteAsync();
    }

    private static async Task<int> StitchAsync(CatalogWriteSession session, IEnumerable<string> entityRefs)
    {
        var inputs = await session.LoadForStitchAsync(entityRefs);
        var changed = inputs.Select(Stitcher.Stitch).Zip(inputs).Where(pair => pair.First.Etag != pair.Second.Etag).Select(pair => pair.First).ToList();
        await session.WriteStitchedAsync(changed);
        return changed.Count;
    }
}
