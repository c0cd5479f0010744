using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.JsonSchema;
using Scaffolder.Scaffolding.Expressions;

namespace Scaffolder.Scaffolding.Templates;

/// <summary>Checks a request's <c>values</c> and <c>secrets</c> against a template's schemas, as Backstage does.</summary>
public static class ParameterValidator
{
    /// <summary>
    /// Fills in schema defaults (form step by form step), then validates the values against each
    /// parameter step in turn: the first step that fails answers with all of its violations. A step
    /// whose <c>when: ${{ … }}</c> is false for the values so far is hidden in the form, so it is
    /// neither defaulted nor validated (with a <paramref name="expressions"/> renderer to judge it).
    /// </summary>
    /// <returns>The values with defaults applied, as the task will store them.</returns>
    /// <exception cref="TemplateValuesInvalidError">A step's schema is violated.</exception>
    /// <exception cref="InputError">A step's <c>when</c> cannot be evaluated.</exception>
    public static JsonObject ValidateValues(CompiledTemplate template, JsonObject values, ITemplateExpressionRenderer? expressions = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        JsonNode? current = values;
        var shown = new List<int>();
        for (var i = 0; i < template.ParameterSchemas.Count; i++)
        {
            if (IsShown(template, i, current as JsonObject ?? new JsonObject(), expressions))
            {
                shown.Add(i);
                current = template.ParameterSchemas[i].ApplyDefaults(current);
            }
        }

        var result = current as JsonObject ?? new JsonObject();
        foreach (var i in shown)
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

    private static bool IsShown(CompiledTemplate template, int index, JsonObject values, ITemplateExpressionRenderer? expressions)
    {
        if (expressions is null || template.Definition.Parameters[index]["when"] is not { } when)
        {
            return true;
        }

        var path = $"spec.parameters[{index}].when";
        var condition = expressions.Evaluate(when, new ExpressionScope { Context = new JsonObject { ["parameters"] = values.DeepClone() } }, path);
        return condition.Errors.Count == 0
            ? condition.IsTrue
            : throw new InputError($"Template {template.Definition.EntityRef} cannot be used: {string.Join("; ", condition.Errors)}");
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
