using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>oneOf</c>: exactly one subschema matches.</summary>
internal sealed class OneOfKeyword(IReadOnlyList<SchemaNode> subschemas) : Keyword
{
    private readonly string[] _labels = subschemas.Select((s, i) => SubschemaLabels.For(s, i, bracketIdentifier: false)).ToArray();

    public override IEnumerable<SchemaNode> SameValueSubschemas => subschemas;

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        var matches = 0;
        foreach (var subschema in subschemas)
        {
            if (subschema.Evaluate(run, instance, errors: null))
            {
                matches++;
            }
        }

        if (matches == 1)
        {
            return true;
        }

        errors?.Add(run.Error(
            schema, instance, "oneOf", "is not exactly one from " + string.Join(',', _labels),
            new JsonArray(_labels.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray())));
        return false;
    }
}
