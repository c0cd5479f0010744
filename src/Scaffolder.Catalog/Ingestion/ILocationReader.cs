namespace Scaffolder.Catalog.Ingestion;

/// <summary>Reads the contents of locations of one type (<c>file</c>, <c>url</c>, …).</summary>
public interface ILocationReader
{
    string Type { get; }

    /// <summary>
    /// Reads the target. Throws <see cref="Common.Errors.NotFoundError"/> when it does not exist,
    /// <see cref="Common.Errors.NotAllowedError"/> when configuration forbids it, and
    /// <see cref="Common.Errors.InputError"/> for a malformed target or an unreadable source.
    /// </summary>
    Task<string> ReadAsync(string target, CancellationToken cancellationToken);

    /// <summary>Resolves a target written relative to <paramref name="baseTarget"/> (as in a Location entity).</summary>
    string ResolveRelative(string baseTarget, string relativeTarget);

    /// <summary>Checks the form of a target without reading it; throws <see cref="Common.Errors.InputError"/>.</summary>
    void ValidateTarget(string target);
}
