using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary>
/// <c>items</c> (one schema for every item, or a tuple of schemas by position) with
/// <c>additionalItems</c> for items past the tuple. A <c>false</c> item schema stops at the first
/// offending item with the reference library's single "additionalItems not permitted" error.
/// </summary>
internal sealed class ItemsKeyword(SchemaNode? everyItem, IReadOnlyList<SchemaNode>? tuple, SchemaNode? additionalItems) : Keyword
{
    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (instance is not JsonArray array)
        {
            return true;
        }

        var valid = true;
        for (var i = 0; i < array.Count; i++)
        {
            var itemSchema = tuple is null ? everyItem : i < tuple.Count ? tuple[i] : additionalItems;
            if (itemSchema is null)
            {
                continue;
            }

            if (itemSchema.IsFalse)
            {
                errors?.Add(run.Error(schema, instance, "items", "additionalItems not permitted", null, hasArgument: false));
                return false;
            }

            run.Push(i);
            var ok = itemSchema.Evaluate(run, array[i], errors);
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
