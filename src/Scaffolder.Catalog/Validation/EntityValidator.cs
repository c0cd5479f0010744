using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;

namespace Scaffolder.Catalog.Validation;

/// <summary>
/// Validates an entity as Backstage's catalog does on ingestion: known root fields, the envelope
/// schema, field formats, then the kind's own schema. Unlike Backstage, which stops at the first
/// problem, every problem is reported so an author can fix a file in one pass.
/// </summary>
public sealed class EntityValidator(IReadOnlyList<KindDefinition> kinds)
{
    private const string FormatDocs =
        "To learn more about catalog file format, visit: https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md";

    private static readonly HashSet<string> RootFields = ["apiVersion", "kind", "metadata", "spec"];

    public static EntityValidator Default { get; } = new(BuiltinKinds.All);

    public IReadOnlyList<KindDefinition> Kinds { get; } = kinds;

    public KindDefinition? FindKind(string kind, string apiVersion) => Kinds.FirstOrDefault(k => k.Accepts(kind, apiVersion));

    /// <summary>Returns every problem found; empty when the entity is valid.</summary>
    /// <param name="allowCatalogFields">Accept <c>relations</c> and <c>status</c> (entities read back from the catalog).</param>
    public IReadOnlyList<string> Validate(JsonObject entity, bool allowCatalogFields = false)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var errors = new List<string>();
        foreach (var (key, _) in entity)
        {
            if (!RootFields.Contains(key) && !(allowCatalogFields && key is "relations" or "status"))
            {
                errors.Add($"Unknown field {key}");
            }
        }

        var envelope = new List<string>();
        CheckEnvelope(entity, envelope);
        errors.AddRange(envelope.Select(e => $"Malformed envelope, {e}"));
        if (envelope.Count > 0)
        {
            return errors;
        }

        CheckFieldFormats(entity, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        CheckKind(entity, errors);
        return errors;
    }

    private static void CheckEnvelope(JsonObject entity, List<string> errors)
    {
        foreach (var required in new[] { "apiVersion", "kind", "metadata" })
        {
            if (!entity.ContainsKey(required))
            {
                errors.Add(JsonShape.Required(string.Empty, required));
            }
        }

        if (entity.ContainsKey("apiVersion"))
        {
            JsonShape.CheckNonEmptyString(entity["apiVersion"], "/apiVersion", errors);
        }

        if (entity.ContainsKey("kind"))
        {
            JsonShape.CheckNonEmptyString(entity["kind"], "/kind", errors);
        }

        if (entity.TryGetPropertyValue("spec", out var spec) && spec is not JsonObject)
        {
            errors.Add(JsonShape.WrongType("/spec", "object"));
        }

        if (!entity.TryGetPropertyValue("metadata", out var metadataNode))
        {
            return;
        }

        if (metadataNode is not JsonObject metadata)
        {
            errors.Add(JsonShape.WrongType("/metadata", "object"));
            return;
        }

        if (!metadata.ContainsKey("name"))
        {
            errors.Add(JsonShape.Required("/metadata", "name"));
        }

        foreach (var field in new[] { "name", "namespace", "uid", "etag", "title" })
        {
            if (metadata.ContainsKey(field))
            {
                JsonShape.CheckNonEmptyString(metadata[field], $"/metadata/{field}", errors);
            }
        }

        if (metadata.ContainsKey("description") && !JsonShape.IsString(metadata["description"]))
        {
            errors.Add(JsonShape.WrongType("/metadata/description", "string"));
        }

        if (metadata.ContainsKey("labels"))
        {
            JsonShape.CheckStringMap(metadata["labels"], "/metadata/labels", errors);
        }

        if (metadata.ContainsKey("annotations"))
        {
            JsonShape.CheckStringMap(metadata["annotations"], "/metadata/annotations", errors);
        }

        if (metadata.ContainsKey("tags"))
        {
            JsonShape.CheckStringArray(metadata["tags"], "/metadata/tags", errors);
        }

        if (metadata.ContainsKey("links"))
        {
            CheckLinks(metadata["links"], errors);
        }
    }

    private static void CheckLinks(JsonNode? node, List<string> errors)
    {
        if (node is not JsonArray links)
        {
            errors.Add(JsonShape.WrongType("/metadata/links", "array"));
            return;
        }

        for (var i = 0; i < links.Count; i++)
        {
            var path = $"/metadata/links/{i}";
            if (links[i] is not JsonObject link)
            {
                errors.Add(JsonShape.WrongType(path, "object"));
                continue;
            }

            if (!link.ContainsKey("url"))
            {
                errors.Add(JsonShape.Required(path, "url"));
            }

            foreach (var field in new[] { "url", "title", "icon", "type" })
            {
                if (link.ContainsKey(field))
                {
                    JsonShape.CheckNonEmptyString(link[field], $"{path}/{field}", errors);
                }
            }
        }
    }

    private static void CheckFieldFormats(JsonObject entity, List<string> errors)
    {
        void Require(string field, string value, Func<string, bool> isValid, string expectation)
        {
            if (!isValid(value))
            {
                errors.Add($"\"{field}\" is not valid; expected {expectation} but found \"{value}\". {FormatDocs}");
            }
        }

        Require("apiVersion", entity["apiVersion"]!.GetValue<string>(), FieldFormats.IsValidApiVersion, FieldFormats.PrefixSuffixExpectation);
        Require("kind", entity["kind"]!.GetValue<string>(), FieldFormats.IsValidKind, FieldFormats.KindExpectation);
        var metadata = entity["metadata"]!.AsObject();
        Require("metadata.name", metadata["name"]!.GetValue<string>(), FieldFormats.IsValidObjectName, FieldFormats.ObjectNameExpectation);
        if (JsonShape.AsString(metadata["namespace"]) is { } ns)
        {
            Require("metadata.namespace", ns, FieldFormats.IsValidNamespace, FieldFormats.DnsLabelExpectation);
        }

        foreach (var (key, value) in metadata["labels"] as JsonObject ?? [])
        {
            Require($"labels.{key}", key, FieldFormats.IsValidLabelKey, FieldFormats.PrefixSuffixExpectation);
            Require($"labels.{key}", value!.GetValue<string>(), FieldFormats.IsValidLabelValue, FieldFormats.ObjectNameExpectation);
        }

        foreach (var (key, _) in metadata["annotations"] as JsonObject ?? [])
        {
            Require($"annotations.{key}", key, FieldFormats.IsValidAnnotationKey, FieldFormats.PrefixSuffixExpectation);
        }

        if (metadata["tags"] is JsonArray tags)
        {
            for (var i = 0; i < tags.Count; i++)
            {
                Require($"tags.{i}", tags[i]!.GetValue<string>(), FieldFormats.IsValidTag, FieldFormats.TagExpectation);
            }
        }

        if (metadata["links"] is JsonArray links)
        {
            for (var i = 0; i < links.Count; i++)
            {
                var link = links[i]!.AsObject();
                Require($"links.{i}.url", link["url"]!.GetValue<string>(), FieldFormats.IsValidUrl, FieldFormats.UrlExpectation);
                foreach (var optional in new[] { "title", "icon" })
                {
                    if (JsonShape.AsString(link[optional]) is { } text)
                    {
                        Require($"links.{i}.{optional}", text, FieldFormats.IsNonEmptyString, FieldFormats.NonEmptyStringExpectation);
                    }
                }
            }
        }
    }

    private void CheckKind(JsonObject entity, List<string> errors)
    {
        var kind = entity["kind"]!.GetValue<string>();
        var apiVersion = entity["apiVersion"]!.GetValue<string>();
        var definition = FindKind(kind, apiVersion);
        if (definition is null)
        {
            errors.Add($"No processor recognized the entity {EntityJson.RefOf(entity)} as valid, possibly caused by a foreign kind or apiVersion");
            return;
        }

        if (entity["spec"] is not JsonObject spec)
        {
            errors.Add(JsonShape.Required(string.Empty, "spec"));
            return;
        }

        foreach (var field in definition.SpecFields)
        {
            var path = $"/spec/{field.Name}";
            if (!spec.TryGetPropertyValue(field.Name, out var value))
            {
                if (field.Required)
                {
                    errors.Add(JsonShape.Required("/spec", field.Name));
                }

                continue;
            }

            CheckSpecField(field, value, path, errors);
        }

        if (definition.ExtraRules is not null)
        {
            errors.AddRange(definition.ExtraRules(spec));
        }
    }

    private static void CheckSpecField(SpecField field, JsonNode? value, string path, List<string> errors)
    {
        switch (field.Type)
        {
            case SpecFieldType.NonEmptyString:
                if (JsonShape.CheckNonEmptyString(value, path, errors)
                    && field.AllowedValues is { } allowed
                    && !allowed.Contains(value!.GetValue<string>(), StringComparer.Ordinal))
                {
                    errors.Add(JsonShape.NotInEnum(path, allowed));
                }

                break;
            case SpecFieldType.StringList:
                JsonShape.CheckStringArray(value, path, errors);
                break;
            case SpecFieldType.AnyObject when value is not JsonObject:
                errors.Add(JsonShape.WrongType(path, "object"));
                break;
            case SpecFieldType.AnyArray when value is not JsonArray:
                errors.Add(JsonShape.WrongType(path, "array"));
                break;
            case SpecFieldType.ObjectOrArray when value is not (JsonObject or JsonArray):
                errors.Add(JsonShape.WrongType(path, "object,array"));
                break;
            case SpecFieldType.Profile:
                if (value is not JsonObject profile)
                {
                    errors.Add(JsonShape.WrongType(path, "object"));
                    break;
                }

                foreach (var part in new[] { "displayName", "email", "picture" })
                {
                    if (profile.ContainsKey(part))
                    {
                        JsonShape.CheckNonEmptyString(profile[part], $"{path}/{part}", errors);
                    }
                }

                break;
        }
    }
}
