using System.Text.Json.Nodes;

namespace Scaffolder.Scaffolding.Templates;

/// <summary>The form description <c>GET /v2/templates/.../parameter-schema</c> answers with.</summary>
public static class ParameterSchemaView
{
    public const string DefaultStepTitle = "Please enter the following information";

    /// <summary><c>{title, presentation?, description?, ui:options?, steps: [{title, description?, schema}], formDecorators?}</c>.</summary>
    public static JsonObject Build(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var result = new JsonObject { ["title"] = template.Title };
        CopyIfPresent(template.Spec, "presentation", result, "presentation");
        CopyIfPresent(template.Metadata, "description", result, "description");
        CopyIfPresent(template.Metadata, "ui:options", result, "ui:options");
        result["steps"] = new JsonArray(template.Parameters.Select(schema =>
        {
            var step = new JsonObject { ["title"] = schema["title"]?.DeepClone() ?? DefaultStepTitle };
            CopyIfPresent(schema, "description", step, "description");
            step["schema"] = schema.DeepClone();
            return (JsonNode?)step;
        }).ToArray());
        if (template.Spec["formDecorators"] is JsonArray decorators)
        {
            result["formDecorators"] = decorators.DeepClone();
        }
        else if (template.Spec["EXPERIMENTAL_formDecorators"] is JsonArray legacy)
        {
            result["formDecorators"] = legacy.DeepClone();
        }

        return result;
    }

    private static void CopyIfPresent(JsonObject source, string key, JsonObject target, string targetKey)
    {
        if (source[key] is { } value)
        {
            target[targetKey] = value.DeepClone();
        }
    }
}
