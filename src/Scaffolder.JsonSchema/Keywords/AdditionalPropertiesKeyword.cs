using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Patterns;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary>
/// <c>patternProperties</c> and <c>additionalProperties</c> together, as the reference library runs
/// them: each property of the value, in order, against every matching pattern's schema, and, when no
/// pattern and no <c>properties</c> entry covers it, against <c>additionalProperties</c>.
/// </summary>
internal sealed class AdditionalPropertiesKeyword(
    IReadOnlySet<string> declaredProperties,
    IReadOnlyList<(EcmaScriptPattern Pattern, SchemaNode Schema)> patternProperties,
    SchemaNode? additionalProperties,
    bool additionalPropertiesForbidden) : Keyword
{
    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (instance is not JsonObject obj)
        {
            return true;
        }

        var valid = true;
        foreach (var (name, value) in JsKeyOrder.Enumerate(obj))
        {
            var matchedPattern = false;
            foreach (var (pattern, subschema) in patternProperties)
            {
                if (pattern.Match(name) != PatternMatch.Match)
                {
                    continue;
                }

                matchedPattern = true;
                run.Push(name);
                var ok = subschema.Evaluate(run, value, errors);
                run.Pop();
                if (!ok)
                {
                    valid = false;
                    if (errors is null)
                    {
                        return false;
                    }
                }
            }

            if (matchedPattern || declaredProperties.Contains(name))
            {
                continue;
            }

            if (additionalPropertiesForbidden)
            {
                valid = false;
                if (errors is null)
                {
                    return false;
                }

                errors.Add(run.Error(
                    schema, instance, "additionalProperties",
                    "is not allowed to have the additional property " + JsText.Quote(name), JsonValue.Create(name)));
            }
            else if (additionalProperties is not null)
            {
                run.Push(name);
                var ok = additionalProperties.Evaluate(run, value, errors);
                run.Pop();
                if (!ok)
                {
                    valid = false;
                    if (errors is null)
                    {
                        return false;
                    }
                }
            }
        }

        return valid;
    }
}
