using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>minItems</c> / <c>maxItems</c> on arrays and <c>minProperties</c> / <c>maxProperties</c> on objects.</summary>
internal sealed class CountKeyword(string name, double limit, JsonNode argument) : Keyword
{
    private readonly bool _isMinimum = name.StartsWith("min", StringComparison.Ordinal);
    private readonly bool _countsItems = name.EndsWith("Items", StringComparison.Ordinal);
    private readonly string _message = name switch
    {
        "minItems" => "does not meet minimum length of ",
        "maxItems" => "does not meet maximum length of ",
        "minProperties" => "does not meet minimum property length of ",
        _ => "does not meet maximum property length of ",
    } + JsText.ToJsString(argument);

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        int count;
        if (_countsItems && instance is JsonArray array)
        {
            count = array.Count;
        }
        else if (!_countsItems && instance is JsonObject obj)
        {
            count = obj.Count;
        }
        else
        {
            return true;
        }

        if (_isMinimum ? count >= limit : count <= limit)
        {
            return true;
        }

        errors?.Add(run.Error(schema, instance, name, _message, argument));
        return false;
    }
}
