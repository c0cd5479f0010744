namespace Scaffolder.Common.Errors;

/// <summary>
/// An input error made of several independent problems, all of which are reported
/// (e.g. every field of an entity that fails validation).
/// </summary>
public sealed class ValidationFailedError : ServiceError
{
    public ValidationFailedError(IReadOnlyList<ServiceError> errors)
        : base(Summarize(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<ServiceError> Errors { get; }

    public override string Name => "InputError";

    private static string Summarize(IReadOnlyList<ServiceError> errors) =>
        errors.Count == 1 ? errors[0].Message : string.Join("; ", errors.Select(e => e.Message));
}
