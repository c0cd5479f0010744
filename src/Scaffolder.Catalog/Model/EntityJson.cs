using System.Text.Json.Nodes;
using Scaffolder.Catalog.Validation;

namespace Scaffolder.Catalog.Model;

/// <summary>Typed reads of the well-known parts of an entity held as JSON.</summary>
public static class EntityJson
{
    public static JsonObject? Metadata(JsonObject entity) => entity["metadata"] as JsonObject;

    public static JsonObject? Spec(JsonObject entity) => entity["spec"] as JsonObject;

    public static string? Kind(JsonObject entity) => JsonShape.AsString(entity["kind"]);

    public static string? Name(JsonObject entity) => JsonShape.AsString(Metadata(entity)?["name"]);

    public static string Namespace(JsonObject entity) =>
        JsonShape.AsString(Metadata(entity)?["namespace"]) is { Length: > 0 } ns ? ns : EntityRef.DefaultNamespace;

    public static string? Uid(JsonObject entity) => JsonShape.AsString(Metadata(entity)?["uid"]);

    /// <summary>The entity's reference; parts that are missing show as empty (for messages about invalid entities).</summary>
    public static EntityRef RefOf(JsonObject entity) => new(Kind(entity) ?? string.Empty, Namespace(entity), Name(entity) ?? string.Empty);

    public static string? Annotation(JsonObject entity, string key) => JsonShape.AsString((Metadata(entity)?["annotations"] as JsonObject)?[key]);

    /// <summary>Sets an annotation, creating <c>metadata.annotations</c> when absent.</summary>
    public static void SetAnnotation(JsonObject entity, string key, string value)
    {
        var metadata = Metadata(entity) ?? throw new InvalidOperationException("Entity has no metadata.");
        if (metadata["annotations"] is not JsonObject annotations)
        {
            annotations = [];
            metadata["annotations"] = annotations;
        }

        annotations[key] = value;
    }
}
