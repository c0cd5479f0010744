namespace Scaffolder.JsonSchema;

/// <summary>The schema itself is broken; <see cref="Problems"/> says where and why.</summary>
public sealed class InvalidJsonSchemaException : Exception
{
    public InvalidJsonSchemaException(IReadOnlyList<SchemaProblem> problems)
        : base("The JSON schema is invalid: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<SchemaProblem> Problems { get; }
}
