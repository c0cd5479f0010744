namespace Scaffolder.Common.Errors;

/// <summary>The caller may not perform the operation.</summary>
public sealed class NotAllowedError(string message, Exception? cause = null) : ServiceError(message, cause)
{
    public override string Name => "NotAllowedError";
}
