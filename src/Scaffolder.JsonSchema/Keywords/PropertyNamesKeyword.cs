using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary>
/// <c>propertyNames</c>: every property name, as a string, against the schema. As in the reference
/// library the errors point at the object itself, with the offending name as their instance.
/// </summary>
internal sealed class PropertyNamesKeyword(SchemaNode nameSchema) : Keyword
{
    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (instance is not JsonObject obj)
        {
            return true;
        }

        var valid = true;
        foreach (var (name, _) in JsKeyOrder.Enumerate(obj))
        {
            if (!nameSchema.Evaluate(run, JsonValue.Create(name), errors))
            {
                valid = false;
                if (errors is null)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}
