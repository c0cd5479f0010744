using System.Text.Json.Nodes;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Processing;
using Scaffolder.Common.Errors;

namespace Scaffolder.Catalog.Locations;

/// <summary>
/// Reads a registered location and everything it leads to: its YAML documents become entities,
/// and <c>Location</c> entities among them are followed (relative targets resolved against the
/// file that named them). Problems are attached to the Location entity that led to them.
/// </summary>
public sealed class LocationProcessor(IEnumerable<ILocationReader> readers, EntityProcessor processor)
{
    public const int MaxDepth = 10;
    public const int MaxEntities = 100_000;

    private readonly Dictionary<string, ILocationReader> _readers = readers.ToDictionary(r => r.Type, StringComparer.Ordinal);

    public IReadOnlyCollection<string> SupportedTypes => _readers.Keys;

    /// <summary>Checks a location before anything is read: known type and a well-formed target.</summary>
    public void Validate(LocationSpec location)
    {
        if (string.IsNullOrWhiteSpace(location.Target))
        {
            throw new InputError("Location target must not be empty");
        }

        ReaderFor(location.Type).ValidateTarget(location.Target);
    }

    public async Task<LocationProcessingResult> ProcessAsync(LocationSpec location, bool optional, CancellationToken cancellationToken)
    {
        var emitted = new List<EmittedEntity>();
        var failures = new List<FailedDocument>();
        var problems = new List<string>();
        var seenRefs = new HashSet<string>(StringComparer.Ordinal);

        // The generated Location entity comes from registration itself, so catalog rules do not apply to it.
        var root = processor.Process(GeneratedLocationEntity.Create(location), new EntityOrigin(location, location, null), applyRules: false);
        var rootEntity = new EmittedEntity(root.Entity!, new EntityOrigin(location, location, null));
        emitted.Add(rootEntity);
        seenRefs.Add(rootEntity.Entity.CanonicalRef);

        var visited = new HashSet<LocationSpec> { location };
        var queue = new Queue<(EmittedEntity Emitter, LocationSpec Target, bool Optional, int Depth)>();
        queue.Enqueue((rootEntity, location, optional, 0));
        while (queue.Count > 0)
        {
            var (emitter, target, targetOptional, depth) = queue.Dequeue();
            void Report(ProcessingError error)
            {
                emitter.Errors.Add(error);
                problems.Add(error.Message);
            }

            string text;
            try
            {
                text = await ReaderFor(target.Type).ReadAsync(target.Target, cancellationToken);
            }
            catch (NotFoundError) when (targetOptional)
            {
                continue;
            }
            catch (ServiceError e)
            {
                Report(new ProcessingError(e.Name, e.Message));
                continue;
            }

            foreach (var document in YamlDocuments.Parse(text))
            {
                var where = $"{target} (document {document.Index + 1})";
                if (document.Error is not null)
                {
                    Report(ProcessingError.Input($"{where}: {document.Error}"));
                    failures.Add(new FailedDocument(null, target, document.Error));
                    continue;
                }

                if (document.Value is null)
                {
                    continue;
                }

                if (document.Value is not JsonObject raw)
                {
                    var message = $"Expected object at root, got {JsonTypeName(document.Value)}";
                    Report(ProcessingError.Input($"{where}: {message}"));
                    failures.Add(new FailedDocument(null, target, message));
                    continue;
                }

                var origin = new EntityOrigin(target, location, emitter.Entity.CanonicalRef);
                try
                {
                    await PlaceholderResolver.ResolveAsync(raw, target, ReaderFor(target.Type), cancellationToken);
                }
                catch (InputError e)
                {
                    Report(ProcessingError.Input($"{where}: {e.Message}"));
                    failures.Add(new FailedDocument(EntityJson.Kind(raw) is { Length: > 0 } && EntityJson.Name(raw) is { Length: > 0 } ? EntityJson.RefOf(raw) : null, target, e.Message));
                    continue;
                }

                var outcome = processor.Process(raw, origin);
                if (!outcome.Success)
                {
                    foreach (var error in outcome.Errors)
                    {
                        var subject = outcome.Ref is { } r ? $"{where}, entity {r}" : where;
                        Report(error with { Message = $"{subject}: {error.Message}" });
                        failures.Add(new FailedDocument(outcome.Ref, target, error.Message));
                    }

                    continue;
                }

                var entity = new EmittedEntity(outcome.Entity!, origin);
                if (!seenRefs.Add(entity.Entity.CanonicalRef))
                {
                    Report(ProcessingError.Conflict($"{where}: entity {entity.Entity.CanonicalRef} is defined more than once"));
                    continue;
                }

                if (emitted.Count >= MaxEntities)
                {
                    Report(ProcessingError.Input($"{where}: a location may produce at most {MaxEntities} entities"));
                    return new LocationProcessingResult(location, emitted, failures, problems);
                }

                emitted.Add(entity);
                if (entity.Entity.Kind.Kind == BuiltinKinds.Location.Kind)
                {
                    FollowLocation(entity, target, depth, visited, queue, problems);
                }
            }
        }

        return new LocationProcessingResult(location, emitted, failures, problems);
    }

    private void FollowLocation(
        EmittedEntity locationEntity,
        LocationSpec readFrom,
        int depth,
        HashSet<LocationSpec> visited,
        Queue<(EmittedEntity, LocationSpec, bool, int)> queue,
        List<string> problems)
    {
        void Report(ProcessingError error)
        {
            locationEntity.Errors.Add(error);
            problems.Add(error.Message);
        }

        var spec = EntityJson.Spec(locationEntity.Entity.Entity)!;
        var type = spec["type"]?.GetValue<string>() ?? readFrom.Type;
        var optional = spec["presence"]?.GetValue<string>() == "optional";
        var targets = new List<string>();
        if (spec["target"]?.GetValue<string>() is { } single)
        {
            targets.Add(single);
        }

        targets.AddRange((spec["targets"] as JsonArray ?? []).Select(t => t!.GetValue<string>()));
        foreach (var relative in targets)
        {
            if (!_readers.TryGetValue(type, out var reader))
            {
                Report(ProcessingError.Input($"Unknown location type {type}; supported types are {string.Join(", ", _readers.Keys.Order())}"));
                continue;
            }

            // A relative target only makes sense against a base of the same type.
            var resolved = type == readFrom.Type ? reader.ResolveRelative(readFrom.Target, relative) : relative;
            var next = new LocationSpec(type, resolved);
            if (depth + 1 > MaxDepth)
            {
                Report(ProcessingError.Input($"{next}: locations nest more than {MaxDepth} levels deep"));
                continue;
            }

            if (visited.Add(next))
            {
                queue.Enqueue((locationEntity, next, optional, depth + 1));
            }
        }
    }

    private ILocationReader ReaderFor(string type) =>
        _readers.TryGetValue(type, out var reader)
            ? reader
            : throw new InputError($"Unknown location type {type}; supported types are {string.Join(", ", _readers.Keys.Order())}");

    private static string JsonTypeName(JsonNode node) => node switch
    {
        JsonArray => "array",
        JsonValue value => value.GetValueKind().ToString().ToLowerInvariant() switch
        {
            "true" or "false" => "boolean",
            var kind => kind,
        },
        _ => "object",
    };
}
