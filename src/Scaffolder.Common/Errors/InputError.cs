namespace Scaffolder.Common.Errors;

/// <summary>The request or a value in it is malformed or invalid.</summary>
public sealed class InputError(string message, Exception? cause = null) : ServiceError(message, cause)
{
    public override string Name => "InputError";
}
