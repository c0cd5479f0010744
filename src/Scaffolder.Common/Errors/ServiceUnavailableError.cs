namespace Scaffolder.Common.Errors;

/// <summary>A dependency needed to answer is unavailable.</summary>
public sealed class ServiceUnavailableError(string message, Exception? cause = null) : ServiceError(message, cause)
{
    public override string Name => "ServiceUnavailableError";
}
