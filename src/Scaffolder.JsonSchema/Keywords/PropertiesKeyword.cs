using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>properties</c>: each named property's value against its schema, in the schema's order.</summary>
internal sealed class PropertiesKeyword(IReadOnlyList<(string Name, SchemaNode Schema)> properties) : Keyword
{
    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (instance is not JsonObject obj)
        {
            return true;
        }

        var valid = true;
        foreach (var (name, subschema) in properties)
        {
            run.Push(name);
            var ok = obj.TryGetPropertyValue(name, out var value)
                ? subschema.Evaluate(run, value, errors)
                : subschema.EvaluateMissing(run, errors);
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

        return valid;
    }
}
