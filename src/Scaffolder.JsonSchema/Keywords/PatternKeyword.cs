using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Patterns;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>pattern</c>: a string matches the ECMAScript regular expression somewhere.</summary>
internal sealed class PatternKeyword(EcmaScriptPattern pattern, JsonNode argument) : Keyword
{
    private readonly string _message = "does not match pattern " + JsText.Quote(pattern.Source);

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (!JsonValues.TryGetString(instance, out var text))
        {
            return true;
        }

        var match = pattern.Match(text);
        if (match == PatternMatch.Match)
        {
            return true;
        }

        var message = match == PatternMatch.TimedOut ? _message + " (matching took too long and was stopped)" : _message;
        errors?.Add(run.Error(schema, instance, "pattern", message, argument));
        return false;
    }
}
