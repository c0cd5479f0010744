using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary>
/// <c>minimum</c> / <c>maximum</c> (exclusive when draft-04's boolean <c>exclusiveMinimum</c> /
/// <c>exclusiveMaximum</c> is true) and draft-06's numeric <c>exclusiveMinimum</c> / <c>exclusiveMaximum</c>.
/// Compared exactly, however large or precise the numbers.
/// </summary>
internal sealed class NumericBoundKeyword : Keyword
{
    private readonly string _name;
    private readonly JsonNumber _limit;
    private readonly JsonNode _argument;
    private readonly bool _isLowerBound;
    private readonly bool _exclusive;
    private readonly string _message;

    public NumericBoundKeyword(string name, JsonNumber limit, JsonNode argument, bool exclusive)
    {
        _name = name;
        _limit = limit;
        _argument = argument;
        _isLowerBound = name is "minimum" or "exclusiveMinimum";
        _exclusive = exclusive;
        var limitText = JsText.ToJsString(argument);
        _message = name switch
        {
            "exclusiveMinimum" => "must be strictly greater than ",
            "exclusiveMaximum" => "must be strictly less than ",
            "minimum" => exclusive ? "must be greater than " : "must be greater than or equal to ",
            _ => exclusive ? "must be less than " : "must be less than or equal to ",
        } + limitText;
    }

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (!JsonValues.TryGetNumber(instance, out var number))
        {
            return true;
        }

        var comparison = number.CompareTo(_limit);
        var ok = _isLowerBound
            ? (_exclusive ? comparison > 0 : comparison >= 0)
            : (_exclusive ? comparison < 0 : comparison <= 0);
        if (ok)
        {
            return true;
        }

        errors?.Add(run.Error(schema, instance, _name, _message, _argument));
        return false;
    }
}
