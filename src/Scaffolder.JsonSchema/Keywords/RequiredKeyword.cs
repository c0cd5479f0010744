using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>required</c> (array form): every listed property is present (a null value counts as present).</summary>
internal sealed class RequiredKeyword(IReadOnlyList<string> names) : Keyword
{
    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (instance is not JsonObject obj)
        {
            return true;
        }

        var valid = true;
        foreach (var name in names)
        {
            if (obj.ContainsKey(name))
            {
                continue;
            }

            if (errors is null)
            {
                return false;
            }

            valid = false;
            errors.Add(run.Error(schema, instance, "required", "requires property " + JsText.Quote(name), JsonValue.Create(name)));
        }

        return valid;
    }
}
