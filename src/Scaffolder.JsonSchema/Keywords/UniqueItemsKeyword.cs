using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>uniqueItems: true</c>: no two items are equal (hashed, so linear in the array's size).</summary>
internal sealed class UniqueItemsKeyword : Keyword
{
    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (instance is not JsonArray array)
        {
            return true;
        }

        var seen = new HashSet<JsonNode?>(array.Count, JsonEquality.Instance);
        foreach (var item in array)
        {
            if (!seen.Add(item))
            {
                errors?.Add(run.Error(schema, instance, "uniqueItems", "contains duplicate item", null, hasArgument: false));
                return false;
            }
        }

        return true;
    }
}
