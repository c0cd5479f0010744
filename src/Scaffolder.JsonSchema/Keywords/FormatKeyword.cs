using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>format</c> for a known format name; strings only, other values pass.</summary>
internal sealed class FormatKeyword(string format, Func<string, bool> check, JsonNode argument) : Keyword
{
    private readonly string _message = "does not conform to the " + JsText.Quote(format) + " format";

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (!JsonValues.TryGetString(instance, out var text) || check(text))
        {
            return true;
        }

        errors?.Add(run.Error(schema, instance, "format", _message, argument));
        return false;
    }
}
