using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>multipleOf</c>: value ÷ divisor is an integer, computed exactly in decimal (0.0075 is a multiple of 0.0001).</summary>
internal sealed class MultipleOfKeyword(JsonNumber divisor, JsonNode argument) : Keyword
{
    private readonly string _message = "is not a multiple of (divisible by) " + JsText.ToJsString(argument);

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (!JsonValues.TryGetNumber(instance, out var number) || number.IsMultipleOf(divisor))
        {
            return true;
        }

        errors?.Add(run.Error(schema, instance, "multipleOf", _message, argument));
        return false;
    }
}
