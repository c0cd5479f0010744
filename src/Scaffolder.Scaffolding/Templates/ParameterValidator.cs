using System.Text.Json.Nodes;
using Scaffolder.JsonSchema;

namespace Scaffolder.Scaffolding.Templates;

/// <summary>Checks a request's <c>values</c> and <c>secrets</c> against a template's schemas, as Backstage does.</summary>
public static class ParameterValidator
{
    /// <summary>
    /// Fills in schema defaults (form step by form step), then validates the values against each
    /// parameter step in turn: the first step that fails answers with all of its violations.
    /// </summary>
    /// <returns>The values with defaults applied, as the task will store them.</returns>
    /// <exception cref="TemplateValuesInvalidError">A step's schema is violated.</exception>
    public static JsonObject ValidateValues(CompiledTemplate template, JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(template);
        JsonNode? current = values;
        foreach (var schema in template.ParameterSchemas)
        {
            current = schema.ApplyDefaults(current);
        }

        var result = current as JsonObject ?? new JsonObject();
        for (var i = 0; i < template.ParameterSchemas.Count; i++)
        {
            var errors = template.ParameterSchemas[i].Validate(result);
            if (errors.Count > 0)
            {
                throw new TemplateValuesInvalidError(
                    ValidationErrorJson.ToBackstageBody(errors),
                    $"Parameters fail the template's schema: {string.Join(", ", errors.Select(e => e.Stack))}");
            }
        }

        return result;
    }

    /// <summary>Validates request secrets against <c>spec.secrets.schema</c>, when the template has one; no secret value is echoed.</summary>
    /// <exception cref="TemplateValuesInvalidError">The secrets are invalid.</exception>
    public static void ValidateSecrets(CompiledTemplate template, IReadOnlyDictionary<string, string> secrets)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(secrets);
        if (template.SecretsSchema is null)
        {
            return;
        }

        var instance = new JsonObject();
        foreach (var (key, value) in secrets)
        {
            instance[key] = value;
        }

        var errors = template.SecretsSchema.Validate(instance);
        if (errors.Count > 0)
        {
            var body = ValidationErrorJson.ToBackstageSecretsBody(errors);
            throw new TemplateValuesInvalidError(body, "Secrets fail the template's secrets schema");
        }
    }
}
