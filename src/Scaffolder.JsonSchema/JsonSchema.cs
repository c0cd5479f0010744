using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;

namespace Scaffolder.JsonSchema;

/// <summary>
/// A compiled JSON Schema (the draft-07 keywords Backstage template forms use, plus draft-04's
/// boolean exclusive bounds). Compile once, validate many times; safe to share between threads.
/// </summary>
public sealed class JsonSchema
{
    private readonly SchemaNode _root;

    private JsonSchema(JsonNode source, SchemaNode root)
    {
        Source = source;
        _root = root;
    }

    /// <summary>The schema document (a private copy of what was compiled).</summary>
    public JsonNode Source { get; }

    /// <summary>Compiles a schema, or reports what makes it unusable without throwing.</summary>
    public static bool TryCompile(JsonNode? schema, [NotNullWhen(true)] out JsonSchema? compiled, out IReadOnlyList<SchemaProblem> problems)
    {
        compiled = null;

        // Measure before copying: the copy itself recurses through the document.
        if (DocumentDepth.FindTooDeep(schema, Limits.MaxDocumentDepth) is not null)
        {
            SchemaCompiler.Compile(schema, out problems);
            return false;
        }

        var source = schema?.DeepClone();
        var root = SchemaCompiler.Compile(source, out problems);
        if (root is null)
        {
            return false;
        }

        compiled = new JsonSchema(source!, root);
        return true;
    }

    /// <summary>Compiles a schema.</summary>
    /// <exception cref="InvalidJsonSchemaException">The schema is unusable; the exception lists why.</exception>
    public static JsonSchema Compile(JsonNode? schema) =>
        TryCompile(schema, out var compiled, out var problems) ? compiled : throw new InvalidJsonSchemaException(problems);

    /// <summary>
    /// Validates a value and returns every violation, in the order and shape of the
    /// <c>jsonschema</c> npm library Backstage uses; empty when the value is valid.
    /// </summary>
    /// <param name="instance">The value; a null reference is JSON <c>null</c>.</param>
    /// <param name="rootName">How property paths start: <c>instance.name</c>, or e.g. <c>secrets.token</c>.</param>
    public IReadOnlyList<SchemaValidationError> Validate(JsonNode? instance, string rootName = "instance")
    {
        var run = new ValidationRun(rootName);
        if (DocumentDepth.FindTooDeep(instance, Limits.MaxDocumentDepth) is { } deepPath)
        {
            return [DepthError(rootName, deepPath, $"is nested more than {Limits.MaxDocumentDepth} levels deep, which is more than can be validated", Limits.MaxDocumentDepth)];
        }

        var errors = new List<SchemaValidationError>();
        try
        {
            _root.Evaluate(run, instance, errors);
        }
        catch (EvaluationTooDeepException e)
        {
            errors.Add(DepthError(rootName, e.Path, $"could not be validated: checking it took more than {Limits.MaxEvaluationDepth} nested schema evaluations", Limits.MaxEvaluationDepth));
        }

        return errors;
    }

    /// <summary>
    /// A copy of <paramref name="values"/> with the <c>default</c> of every absent property filled in
    /// from <c>properties</c> (following <c>$ref</c>), recursively into nested objects, creating a
    /// nested object when its schema has defaults to give. Values already present, null included,
    /// are kept.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> nests deeper than can be handled.</exception>
    public JsonNode? ApplyDefaults(JsonNode? values) => DefaultsApplier.Apply(_root, values);

    private SchemaValidationError DepthError(string rootName, IReadOnlyList<object> path, string message, int limit) =>
        new(path, Values.JsText.FormatProperty(rootName, path), message, "maxDepth", _root.ErrorSchema, null, hasInstance: false, JsonValue.Create(limit), hasArgument: true);
}
