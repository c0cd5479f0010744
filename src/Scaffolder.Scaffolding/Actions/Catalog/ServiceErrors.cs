using Scaffolder.Common.Errors;

namespace Scaffolder.Scaffolding.Actions.Catalog;

/// <summary>Prefixes a catalog error with what the action was doing, keeping its kind (and so its HTTP status and name).</summary>
internal static class ServiceErrors
{
    public static ServiceError WithContext(ServiceError error, string context) => error switch
    {
        ConflictError => new ConflictError($"{context}: {error.Message}", error),
        NotAllowedError => new NotAllowedError($"{context}: {error.Message}", error),
        NotFoundError => new NotFoundError($"{context}: {error.Message}", error),
        _ => new InputError($"{context}: {error.Message}", error),
    };
}
