namespace Scaffolder.Common.Errors;

/// <summary>
/// Base of the errors the service reports to callers. The names mirror Backstage's
/// <c>@backstage/errors</c> classes because clients read <c>error.name</c> from the wire.
/// </summary>
public abstract class ServiceError : Exception
{
    protected ServiceError(string message, Exception? cause = null)
        : base(message, cause)
    {
    }

    /// <summary>The error class name as Backstage spells it, e.g. <c>NotFoundError</c>.</summary>
    public abstract string Name { get; }
}
