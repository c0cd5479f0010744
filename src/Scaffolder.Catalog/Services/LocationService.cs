using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Processing;
using Scaffolder.Catalog.Querying;
using Scaffolder.Common.Errors;
using Scaffolder.Storage.Catalog;

namespace Scaffolder.Catalog.Services;

/// <summary>
/// Registered locations: adding (with dry run), listing, removing and re-reading them. Adding reads
/// the location first and refuses it — storing nothing — when it cannot be read or holds invalid
/// entities; later re-reads record such problems in the entities' status instead.
/// </summary>
public sealed class LocationService(CatalogStore store, LocationProcessor processor, CatalogOptions options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locationLocks = new(StringComparer.Ordinal);

    public async Task<LocationRegistration> RegisterAsync(LocationSpec spec, bool optional, bool dryRun, CancellationToken cancellationToken = default)
    {
        processor.Validate(spec);
        if (!dryRun && options.ReadOnly)
        {
            throw new NotAllowedError("This catalog is read-only; locations cannot be added");
        }

        var existing = (await store.ListLocationsAsync(cancellationToken)).FirstOrDefault(l => l.Type == spec.Type && l.Target == spec.Target);
        if (existing is not null && !dryRun)
        {
            throw new ConflictError($"Location {spec} already exists");
        }

        var result = await processor.ProcessAsync(spec, optional, cancellationToken);
        ThrowIfProblems(spec, result);
        if (dryRun)
        {
            return new LocationRegistration(
                new LocationView(spec.ToString(), spec.Type, spec.Target, GeneratedLocationEntity.RefFor(spec).ToString()),
                result.Entities.Select(e => CatalogJson.Serialize(e.Entity.Entity)).ToList(),
                existing is not null);
        }

        var record = new LocationRecord(Guid.NewGuid().ToString(), spec.Type, spec.Target, DateTime.UtcNow);
        await store.WriteAsync(
            async session =>
            {
                if (await session.FindLocationAsync(spec.Type, spec.Target) is not null)
                {
                    throw new ConflictError($"Location {spec} already exists");
                }

                await session.InsertLocationAsync(record);
                await LocationIngestion.ApplyAsync(session, record, result, options.OrphanStrategy);
                return true;
            },
            cancellationToken);
        return new LocationRegistration(LocationView.From(record), [], null);
    }

    public async Task<IReadOnlyList<LocationView>> ListAsync(CancellationToken cancellationToken = default) =>
        (await store.ListLocationsAsync(cancellationToken)).Select(LocationView.From).ToList();

    public async Task<LocationView> GetAsync(string id, CancellationToken cancellationToken = default) =>
        LocationView.From(await store.GetLocationAsync(id, cancellationToken) ?? throw NoLocation(id));

    /// <summary>The registered location an entity originates from.</summary>
    public async Task<LocationView> GetByEntityAsync(EntityRef entityRef, CancellationToken cancellationToken = default)
    {
        var origin = await store.GetOriginAsync(entityRef.ToString(), cancellationToken)
            ?? throw new NotFoundError($"No entity named '{entityRef.Name}' found, with kind '{entityRef.Kind}' in namespace '{entityRef.Namespace}'");
        var location = origin.LocationId is null ? null : await store.GetLocationAsync(origin.LocationId, cancellationToken);
        return location is null
            ? throw new NotFoundError($"Entity {entityRef} does not originate from a registered location")
            : LocationView.From(location);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        if (options.ReadOnly)
        {
            throw new NotAllowedError("This catalog is read-only; locations cannot be removed");
        }

        await store.WriteAsync(
            async session =>
            {
                _ = await session.GetLocationAsync(id) ?? throw NoLocation(id);
                var entities = await session.GetByLocationAsync(id);
                await CatalogWriter.ApplyAsync(session, [], entities.Select(e => e.Id).ToList());
                await session.DeleteLocationAsync(id);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Reads a registered location again and applies what it now holds.</summary>
    public async Task RefreshAsync(string id, CancellationToken cancellationToken = default)
    {
        var gate = _locationLocks.GetOrAdd(id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var record = await store.GetLocationAsync(id, cancellationToken) ?? throw NoLocation(id);
            var result = await processor.ProcessAsync(new LocationSpec(record.Type, record.Target), optional: false, cancellationToken);
            await store.WriteAsync(
                async session =>
                {
                    // Removed while it was being read: nothing to apply.
                    if (await session.GetLocationAsync(id) is not null)
                    {
                        await LocationIngestion.ApplyAsync(session, record, result, options.OrphanStrategy);
                    }

                    return true;
                },
                cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Schedules (here: performs) a refresh of the location an entity originates from.</summary>
    public async Task RefreshEntityAsync(EntityRef entityRef, CancellationToken cancellationToken = default)
    {
        var origin = await store.GetOriginAsync(entityRef.ToString(), cancellationToken)
            ?? throw new NotFoundError($"No entity named '{entityRef.Name}' found, with kind '{entityRef.Kind}' in namespace '{entityRef.Namespace}'");
        if (origin.LocationId is not null)
        {
            await RefreshAsync(origin.LocationId, cancellationToken);
        }
    }

    /// <summary>Refreshes every location last read before <paramref name="cutoff"/>; returns how many were read.</summary>
    public async Task<int> RefreshDueAsync(DateTime cutoff, CancellationToken cancellationToken = default)
    {
        var due = await store.LocationsDueAsync(cutoff, cancellationToken);
        foreach (var location in due)
        {
            await RefreshAsync(location.Id, cancellationToken);
        }

        return due.Count;
    }

    /// <summary>A page of locations matching an optional predicate over <c>id</c>, <c>type</c>, <c>target</c>, <c>entityRef</c>.</summary>
    public async Task<LocationPage> QueryAsync(JsonNode? query, int? limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var offset = 0;
        if (cursor is not null)
        {
            var decoded = DecodeLocationCursor(cursor);
            query = decoded.Query;
            offset = decoded.Offset;
        }

        var pageSize = limit ?? 100;
        if (pageSize < 0)
        {
            throw new InputError("limit must not be negative");
        }

        var matching = (await ListAsync(cancellationToken))
            .Where(l => query is null || InMemoryPredicate.Matches(query, new Dictionary<string, string?>
            {
                ["id"] = l.Id,
                ["type"] = l.Type,
                ["target"] = l.Target,
                ["entityRef"] = l.EntityRef,
            }))
            .ToList();
        var page = matching.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count < matching.Count && page.Count > 0
            ? Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["offset"] = offset + page.Count, ["query"] = query?.DeepClone() }))
            : null;
        return new LocationPage(page, matching.Count, next);
    }

    /// <summary>Points a location at a new type/target; the new target must be readable and valid, or nothing changes.</summary>
    public async Task<LocationView> UpdateAsync(string id, LocationSpec spec, CancellationToken cancellationToken = default)
    {
        if (options.ReadOnly)
        {
            throw new NotAllowedError("This catalog is read-only; locations cannot be changed");
        }

        processor.Validate(spec);
        _ = await store.GetLocationAsync(id, cancellationToken) ?? throw NoLocation(id);
        var result = await processor.ProcessAsync(spec, optional: false, cancellationToken);
        ThrowIfProblems(spec, result);
        var updated = await store.WriteAsync(
            async session =>
            {
                var current = await session.GetLocationAsync(id) ?? throw NoLocation(id);
                if (await session.FindLocationAsync(spec.Type, spec.Target) is { } other && other.Id != id)
                {
                    throw new ConflictError($"Location {spec} already exists");
                }

                await session.UpdateLocationAsync(id, spec.Type, spec.Target);
                var record = current with { Type = spec.Type, Target = spec.Target };
                await LocationIngestion.ApplyAsync(session, record, result, options.OrphanStrategy);
                return record;
            },
            cancellationToken);
        return LocationView.From(updated);
    }

    private static (JsonNode? Query, int Offset) DecodeLocationCursor(string cursor)
    {
        try
        {
            var node = JsonNode.Parse(Convert.FromBase64String(cursor)) as JsonObject ?? throw new FormatException("not an object");
            return (node["query"]?.DeepClone(), node["offset"]?.GetValue<int>() ?? 0);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            throw new InputError($"Malformed cursor: {e.Message}");
        }
    }

    private static void ThrowIfProblems(LocationSpec spec, LocationProcessingResult result)
    {
        if (!result.HasProblems)
        {
            return;
        }

        var errors = result.Entities.SelectMany(e => e.Errors).ToList();
        if (errors.Count == 1 && errors[0].Name is "NotAllowedError")
        {
            throw new NotAllowedError(errors[0].Message);
        }

        throw new ValidationFailedError(
            result.Problems.Select(p => (ServiceError)new InputError($"Location {spec} could not be added: {p}")).ToList());
    }

    private static NotFoundError NoLocation(string id) => new($"Found no location with ID {id}");
}
