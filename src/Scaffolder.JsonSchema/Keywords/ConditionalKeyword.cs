using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>if</c> / <c>then</c> / <c>else</c>: the value must match <c>then</c> when it matches <c>if</c>, else <c>else</c>.</summary>
internal sealed class ConditionalKeyword(SchemaNode condition, SchemaNode? then, SchemaNode? otherwise) : Keyword
{
    public override IEnumerable<SchemaNode> SameValueSubschemas =>
        new[] { condition, then, otherwise }.OfType<SchemaNode>();

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        var branch = condition.Evaluate(run, instance, errors: null) ? then : otherwise;
        return branch is null || branch.Evaluate(run, instance, errors);
    }
}
