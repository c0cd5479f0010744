using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary>One compiled keyword of a schema object.</summary>
internal abstract class Keyword
{
    /// <summary>
    /// Checks <paramref name="instance"/> (a present value; JSON null is a null reference).
    /// Adds errors to <paramref name="errors"/> when it is given; when it is null only the verdict
    /// matters and evaluation may stop at the first failure.
    /// </summary>
    public abstract bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors);

    /// <summary>The schemas this keyword applies to the same value (not to a child); a cycle of these never ends.</summary>
    public virtual IEnumerable<SchemaNode> SameValueSubschemas => [];
}
