using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>anyOf</c>: at least one subschema matches; one error naming them all otherwise.</summary>
internal sealed class AnyOfKeyword(IReadOnlyList<SchemaNode> subschemas) : Keyword
{
    private readonly string[] _labels = subschemas.Select((s, i) => SubschemaLabels.For(s, i, bracketIdentifier: true)).ToArray();

    public override IEnumerable<SchemaNode> SameValueSubschemas => subschemas;

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        foreach (var subschema in subschemas)
        {
            if (subschema.Evaluate(run, instance, errors: null))
            {
                return true;
            }
        }

        errors?.Add(run.Error(
            schema, instance, "anyOf", "is not any of " + string.Join(',', _labels),
            new JsonArray(_labels.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray())));
        return false;
    }
}
