namespace Scaffolder.Common.Errors;

/// <summary>The request conflicts with the current state, e.g. a duplicate or a stale revision.</summary>
public sealed class ConflictError(string message, Exception? cause = null) : ServiceError(message, cause)
{
    public override string Name => "ConflictError";
}
