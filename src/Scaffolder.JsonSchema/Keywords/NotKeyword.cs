using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>not</c>: the value must not match the subschema (reported, as the library does, as a "prohibited type").</summary>
internal sealed class NotKeyword(SchemaNode subschema) : Keyword
{
    private readonly JsonNode _argument = subschema.Identifier ?? subschema.Json;

    public override IEnumerable<SchemaNode> SameValueSubschemas => [subschema];

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (!subschema.Evaluate(run, instance, errors: null))
        {
            return true;
        }

        errors?.Add(run.Error(schema, instance, "not", "is of prohibited type " + JsText.ToJsString(_argument), _argument));
        return false;
    }
}
