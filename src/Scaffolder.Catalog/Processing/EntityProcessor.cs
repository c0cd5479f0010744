using System.Text.Json.Nodes;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Relations;
using Scaffolder.Catalog.Search;
using Scaffolder.Catalog.Validation;

namespace Scaffolder.Catalog.Processing;

/// <summary>
/// Turns an entity as written by its author into the form the catalog stores: validated, default
/// namespace filled in, server-owned fields dropped, location annotations added, catalog rules
/// applied and relations derived. Pure: no I/O.
/// </summary>
public sealed class EntityProcessor(EntityValidator validator, CatalogRules rules)
{
    public static EntityProcessor Default { get; } = new(EntityValidator.Default, CatalogRules.AllowAll);

    public EntityValidator Validator => validator;

    /// <summary>Processes one entity; on failure returns the problems and, when determinable, the entity's ref.</summary>
    /// <param name="applyRules">Check <c>Catalog:Rules</c>; they govern what locations may add, not entity providers.</param>
    public ProcessingOutcome Process(JsonObject raw, EntityOrigin? origin, bool applyRules = true)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var entity = raw.DeepClone().AsObject();
        var problems = validator.Validate(entity);
        var entityRef = TryRef(entity);
        if (problems.Count > 0)
        {
            return ProcessingOutcome.Failed(entityRef, problems.Select(ProcessingError.Input).ToList());
        }

        var kind = validator.FindKind(EntityJson.Kind(entity)!, entity["apiVersion"]!.GetValue<string>())!;
        if (applyRules && origin is not null && !rules.IsAllowed(kind.Kind, origin.ReadFrom))
        {
            return ProcessingOutcome.Failed(entityRef, [ProcessingError.Input(
                $"Entity of kind {kind.Kind} is not allowed from location {origin.ReadFrom}; see Catalog:Rules in the configuration")]);
        }

        Normalize(entity, origin);
        var relations = RelationDeriver.Derive(entity, kind);
        if (relations.Errors.Count > 0)
        {
            return ProcessingOutcome.Failed(entityRef, relations.Errors.Select(ProcessingError.Input).ToList());
        }

        try
        {
            SearchIndexBuilder.Build(entity, relations.Relations.Where(r => r.SourceRef == entityRef.ToString()));
        }
        catch (InvalidOperationException e)
        {
            return ProcessingOutcome.Failed(entityRef, [ProcessingError.Conflict(e.Message)]);
        }

        return ProcessingOutcome.Succeeded(new ProcessedEntity(EntityJson.RefOf(entity), entity, kind, relations.Relations));
    }

    private static EntityRef? TryRef(JsonObject entity) =>
        EntityJson.Kind(entity) is { Length: > 0 } && EntityJson.Name(entity) is { Length: > 0 } ? EntityJson.RefOf(entity) : null;

    private static void Normalize(JsonObject entity, EntityOrigin? origin)
    {
        var metadata = EntityJson.Metadata(entity)!;
        // uid and etag are the catalog's to assign.
        metadata.Remove("uid");
        metadata.Remove("etag");
        if (!metadata.ContainsKey("namespace"))
        {
            metadata["namespace"] = EntityRef.DefaultNamespace;
        }

        if (origin is null)
        {
            return;
        }

        EntityJson.SetAnnotation(entity, Annotations.ManagedByLocation, origin.ReadFrom.ToString());
        EntityJson.SetAnnotation(entity, Annotations.ManagedByOriginLocation, origin.Origin.ToString());
        if (origin.ReadFrom.Type == "url" && Uri.TryCreate(origin.ReadFrom.Target, UriKind.Absolute, out var url))
        {
            // As Backstage's location annotator: the author's own values win.
            SetIfAbsent(entity, Annotations.ViewUrl, url.ToString());
            SetIfAbsent(entity, Annotations.SourceLocation, $"url:{new Uri(url, ".")}");
        }
    }

    private static void SetIfAbsent(JsonObject entity, string key, string value)
    {
        if (EntityJson.Annotation(entity, key) is null)
        {
            EntityJson.SetAnnotation(entity, key, value);
        }
    }
}
