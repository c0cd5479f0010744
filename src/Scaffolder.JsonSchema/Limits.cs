namespace Scaffolder.JsonSchema;

/// <summary>Bounds that keep validation finite and the call stack safe whatever the input.</summary>
internal static class Limits
{
    /// <summary>Deepest nesting accepted in a schema document or a validated value.</summary>
    public const int MaxDocumentDepth = 128;

    /// <summary>Deepest chain of nested schema evaluations (values × applicators × references).</summary>
    public const int MaxEvaluationDepth = 1024;
}
