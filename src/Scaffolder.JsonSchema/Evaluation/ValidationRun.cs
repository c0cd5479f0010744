using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Evaluation;

/// <summary>
/// The state of one validation: the current path (which is what errors report, and which the
/// reference library also extends for <c>dependencies</c>), and the evaluation depth guard.
/// </summary>
internal sealed class ValidationRun(string rootName)
{
    private readonly List<object> _path = [];
    private int _depth;

    public string RootName { get; } = rootName;

    public void Push(object segment) => _path.Add(segment);

    public void Pop() => _path.RemoveAt(_path.Count - 1);

    public IReadOnlyList<object> PathSnapshot() => _path.ToArray();

    public string PropertyPath() => JsText.FormatProperty(RootName, _path);

    /// <summary>Enters one nested schema evaluation; stops the run before the stack can overflow.</summary>
    public void Enter()
    {
        if (++_depth > Limits.MaxEvaluationDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _depth--;
            throw new EvaluationTooDeepException(PathSnapshot());
        }
    }

    public void Exit() => _depth--;

    public SchemaValidationError Error(
        SchemaNode schema,
        JsonNode? instance,
        string name,
        string message,
        JsonNode? argument,
        bool hasArgument = true,
        bool hasInstance = true,
        Lazy<JsonNode?>? lazyArgument = null) =>
        new(PathSnapshot(), PropertyPath(), message, name, schema.ErrorSchema, instance, hasInstance, argument, hasArgument, lazyArgument);
}

/// <summary>Raised inside a run when evaluation nests too deeply; turned into one error at the top.</summary>
internal sealed class EvaluationTooDeepException(IReadOnlyList<object> path) : Exception("Schema evaluation nested too deeply.")
{
    public IReadOnlyList<object> Path { get; } = path;
}
