namespace Scaffolder.Common.Errors;

/// <summary>The operation is not supported by this service.</summary>
public sealed class NotImplementedError(string message, Exception? cause = null) : ServiceError(message, cause)
{
    public override string Name => "NotImplementedError";
}
