using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Keywords;

namespace Scaffolder.JsonSchema.Compilation;

/// <summary>A compiled schema (object or boolean) at one place in the schema document.</summary>
internal sealed class SchemaNode(JsonNode json, string location)
{
    /// <summary>The schema JSON.</summary>
    public JsonNode Json { get; } = json;

    /// <summary>Where it sits in the document, as a JSON pointer fragment.</summary>
    public string Location { get; } = location;

    /// <summary>Set for the boolean schemas <c>true</c> and <c>false</c>.</summary>
    public bool? BooleanValue { get; init; }

    /// <summary>The <c>$ref</c> text; when present every other keyword is ignored, as in draft-07.</summary>
    public string? ReferenceText { get; init; }

    public SchemaNode? Reference { get; set; }

    public IReadOnlyList<Keyword> Keywords { get; set; } = [];

    /// <summary>The draft-03 form <c>"required": true</c> on a property schema, which the reference library still honours.</summary>
    public bool LegacyRequired { get; init; }

    /// <summary>The schema's <c>$id</c> (or <c>id</c>) when truthy: errors name the schema by it.</summary>
    public JsonNode? Identifier { get; init; }

    public JsonNode? Title { get; init; }

    public bool HasDefault { get; init; }

    public JsonNode? Default { get; init; }

    /// <summary>The <c>properties</c> keyword's subschemas, kept for applying defaults.</summary>
    public IReadOnlyList<(string Name, SchemaNode Schema)> PropertySchemas { get; set; } = [];

    /// <summary>What an error reports as its <c>schema</c>.</summary>
    public JsonNode ErrorSchema => Identifier ?? Json;

    public bool IsFalse => BooleanValue == false;

    /// <summary>The schema after following <c>$ref</c>s (they never form a cycle once compiled).</summary>
    public SchemaNode Resolved
    {
        get
        {
            var node = this;
            while (node.Reference is not null)
            {
                node = node.Reference;
            }

            return node;
        }
    }

    public bool Evaluate(ValidationRun run, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        run.Enter();
        try
        {
            if (Reference is not null)
            {
                return Reference.Evaluate(run, instance, errors);
            }

            if (BooleanValue is bool allowed)
            {
                if (!allowed)
                {
                    // The reference library reads `false` as {"type": []}, and reports it so.
                    errors?.Add(new SchemaValidationError(
                        run.PathSnapshot(), run.PropertyPath(), "is not of a type(s) ", "type",
                        new JsonObject { ["type"] = new JsonArray() }, instance, hasInstance: true, new JsonArray(), hasArgument: true));
                }

                return allowed;
            }

            var valid = true;
            foreach (var keyword in Keywords)
            {
                if (!keyword.Evaluate(run, this, instance, errors))
                {
                    valid = false;
                    if (errors is null)
                    {
                        return false;
                    }
                }
            }

            return valid;
        }
        finally
        {
            run.Exit();
        }
    }

    /// <summary>Evaluates a property that is absent: only the legacy <c>"required": true</c> can fail.</summary>
    public bool EvaluateMissing(ValidationRun run, List<SchemaValidationError>? errors)
    {
        var node = Resolved;
        if (!node.LegacyRequired)
        {
            return true;
        }

        errors?.Add(run.Error(node, null, "required", "is required", null, hasArgument: false, hasInstance: false));
        return false;
    }
}
