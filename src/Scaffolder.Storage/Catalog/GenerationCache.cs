using System.Collections.Concurrent;

namespace Scaffolder.Storage.Catalog;

/// <summary>
/// Results of expensive catalog aggregates (counts, facets), each tagged with the catalog generation
/// it was computed at and used only while the generation is unchanged — so a cached answer is never
/// stale, across replicas too, since the generation lives in the database. Bounded in size.
/// </summary>
internal sealed class GenerationCache<T>(int maxEntries)
{
    private readonly ConcurrentDictionary<string, (long Generation, T Value)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, long generation, out T value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(string key, long generation, T value)
    {
        if (_entries.Count >= maxEntries)
        {
            // Entries of older generations are useless anyway; starting over keeps memory bounded.
            _entries.Clear();
        }

        _entries[key] = (generation, value);
    }
}
