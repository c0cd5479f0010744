using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>const</c>: the value equals the given value.</summary>
internal sealed class ConstKeyword(JsonNode? value) : Keyword
{
    private readonly string _message = "does not exactly match expected constant: " + JsText.ToJsString(value);

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (JsonEquality.Instance.Equals(value, instance))
        {
            return true;
        }

        errors?.Add(run.Error(schema, instance, "const", _message, value));
        return false;
    }
}
