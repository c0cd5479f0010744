using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary>
/// <c>allOf</c>: every subschema matches. For each failing subschema the reference library adds a
/// summary error ("does not match allOf schema ... with n error[s]:") followed by that subschema's
/// own errors; its argument carries the subschema's result.
/// </summary>
internal sealed class AllOfKeyword(IReadOnlyList<SchemaNode> subschemas) : Keyword
{
    private readonly string[] _labels = subschemas.Select((s, i) => SubschemaLabels.For(s, i, bracketIdentifier: false)).ToArray();

    public override IEnumerable<SchemaNode> SameValueSubschemas => subschemas;

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        var valid = true;
        for (var i = 0; i < subschemas.Count; i++)
        {
            if (errors is null)
            {
                if (!subschemas[i].Evaluate(run, instance, errors: null))
                {
                    return false;
                }

                continue;
            }

            var inner = new List<SchemaValidationError>();
            if (subschemas[i].Evaluate(run, instance, inner))
            {
                continue;
            }

            valid = false;
            var label = _labels[i];
            var path = run.PathSnapshot();
            var propertyPath = run.PropertyPath();
            var evaluated = subschemas[i].Resolved.Json;
            var argument = new Lazy<JsonNode?>(() => new JsonObject
            {
                ["id"] = label,
                ["length"] = inner.Count,
                ["valid"] = new JsonObject
                {
                    ["instance"] = instance?.DeepClone(),
                    ["schema"] = evaluated.DeepClone(),
                    ["options"] = new JsonObject(),
                    ["path"] = ValidationErrorJson.PathToJson(path),
                    ["propertyPath"] = propertyPath,
                    ["errors"] = new JsonArray(inner.Select(e => (JsonNode?)ValidationErrorJson.ToJson(e)).ToArray()),
                    ["disableFormat"] = false,
                },
            });
            errors.Add(run.Error(
                schema, instance, "allOf",
                "does not match allOf schema " + label + " with " + inner.Count + " error[s]:",
                argument: null, lazyArgument: argument));
            errors.AddRange(inner);
        }

        return valid;
    }
}
