using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;

namespace Scaffolder.Scaffolding.Templates;

/// <summary>A <c>scaffolder.backstage.io/v1beta3</c> Template entity, read for running it.</summary>
public sealed class TemplateDefinition
{
    public const string ApiVersionV1Beta3 = "scaffolder.backstage.io/v1beta3";

    private TemplateDefinition(JsonObject entity, string entityRef, string? baseUrl)
    {
        Entity = entity;
        EntityRef = entityRef;
        BaseUrl = baseUrl;
        Metadata = entity["metadata"] as JsonObject ?? new JsonObject();
        Spec = entity["spec"] as JsonObject ?? new JsonObject();
        Parameters = Spec["parameters"] switch
        {
            null => [],
            JsonObject single => [single],
            JsonArray list => list.Select((p, i) => p as JsonObject ?? throw new TemplateFormatException($"spec.parameters[{i}] must be an object")).ToList(),
            _ => throw new TemplateFormatException("spec.parameters must be an object or an array of objects"),
        };
        Steps = TemplateStep.ReadAll(Spec["steps"], "spec");
        if (Spec["output"] is not (null or JsonObject))
        {
            throw new TemplateFormatException("spec.output must be an object");
        }

        SecretsSchema = Spec["secrets"] is JsonObject secrets ? secrets["schema"] as JsonObject : null;
        RecoverStrategy = Spec["EXPERIMENTAL_recovery"]?["EXPERIMENTAL_strategy"] is JsonValue strategy
            && strategy.TryGetValue<string>(out var s) && s == "startOver" ? "startOver" : "none";
    }

    /// <summary>The whole entity, as the catalog (or the dry-run request) gave it.</summary>
    public JsonObject Entity { get; }

    /// <summary>Canonical ref, e.g. <c>template:default/my-template</c>.</summary>
    public string EntityRef { get; }

    /// <summary>Where the template lives; relative <c>url</c> inputs resolve against it.</summary>
    public string? BaseUrl { get; }

    public JsonObject Metadata { get; }

    public JsonObject Spec { get; }

    /// <summary>The parameter steps of the form, each a JSON Schema as authored.</summary>
    public IReadOnlyList<JsonObject> Parameters { get; }

    public IReadOnlyList<TemplateStep> Steps { get; }

    public JsonObject? SecretsSchema { get; }

    /// <summary><c>startOver</c> when a task whose worker died may be run again from the start, else <c>none</c>.</summary>
    public string RecoverStrategy { get; }

    public string Title => Text(Metadata, "title") ?? Text(Metadata, "name") ?? EntityRef;

    /// <summary>Reads a template entity; anything but a v1beta3 Template is a <see cref="TemplateFormatException"/>.</summary>
    public static TemplateDefinition Read(JsonObject entity, string entityRef, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!IsTemplate(entity))
        {
            throw new TemplateFormatException($"{entityRef} is not a {ApiVersionV1Beta3} Template");
        }

        return new TemplateDefinition(entity, entityRef, baseUrl);
    }

    public static bool IsTemplate(JsonObject entity) =>
        entity["apiVersion"] is JsonValue apiVersion && apiVersion.TryGetValue<string>(out var version) && version == ApiVersionV1Beta3
        && entity["kind"] is JsonValue kind && kind.TryGetValue<string>(out var k) && string.Equals(k, "Template", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The base URL Backstage derives from <c>backstage.io/managed-by-location</c>: a <c>url:</c> location's
    /// URL, or <c>file://</c> plus the path of a <c>file:</c> location.
    /// </summary>
    public static string? BaseUrlOf(JsonObject entity)
    {
        if (entity["metadata"]?["annotations"]?[Annotations.ManagedByLocation] is not JsonValue value || !value.TryGetValue<string>(out var location))
        {
            return null;
        }

        var colon = location.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var (type, target) = (location[..colon], location[(colon + 1)..]);
        return type switch
        {
            "url" => target,
            "file" => new Uri(Path.GetFullPath(target)).AbsoluteUri,
            _ => null,
        };
    }

    private static string? Text(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
