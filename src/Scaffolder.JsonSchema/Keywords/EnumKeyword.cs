using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>enum</c>: the value equals one of the listed values.</summary>
internal sealed class EnumKeyword(JsonArray values) : Keyword
{
    private readonly string _message = "is not one of enum values: " + string.Join(',', values.Select(JsText.ToJsString));

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        foreach (var value in values)
        {
            if (JsonEquality.Instance.Equals(value, instance))
            {
                return true;
            }
        }

        errors?.Add(run.Error(schema, instance, "enum", _message, values));
        return false;
    }
}
