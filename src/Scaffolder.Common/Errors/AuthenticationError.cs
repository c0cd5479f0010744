namespace Scaffolder.Common.Errors;

/// <summary>The caller could not be authenticated.</summary>
public sealed class AuthenticationError(string message, Exception? cause = null) : ServiceError(message, cause)
{
    public override string Name => "AuthenticationError";
}
