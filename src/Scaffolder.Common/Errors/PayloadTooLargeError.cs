namespace Scaffolder.Common.Errors;

/// <summary>The request body exceeds the size the endpoint accepts.</summary>
public sealed class PayloadTooLargeError(string message, Exception? cause = null) : ServiceError(message, cause)
{
    public override string Name => "PayloadTooLargeError";
}
