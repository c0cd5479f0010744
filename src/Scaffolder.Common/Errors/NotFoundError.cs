namespace Scaffolder.Common.Errors;

/// <summary>The requested resource does not exist.</summary>
public sealed class NotFoundError(string message, Exception? cause = null) : ServiceError(message, cause)
{
    public override string Name => "NotFoundError";
}
