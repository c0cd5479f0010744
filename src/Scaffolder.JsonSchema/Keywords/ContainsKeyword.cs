using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>contains</c>: at least one item matches the schema (an empty array never does).</summary>
internal sealed class ContainsKeyword(SchemaNode itemSchema) : Keyword
{
    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (instance is not JsonArray array)
        {
            return true;
        }

        for (var i = 0; i < array.Count; i++)
        {
            run.Push(i);
            var matches = itemSchema.Evaluate(run, array[i], errors: null);
            run.Pop();
            if (matches)
            {
                return true;
            }
        }

        errors?.Add(run.Error(schema, instance, "contains", "must contain an item matching given schema", itemSchema.Json));
        return false;
    }
}
