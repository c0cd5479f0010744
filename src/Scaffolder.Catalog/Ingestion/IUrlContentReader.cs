namespace Scaffolder.Catalog.Ingestion;

/// <summary>
/// Reads <c>url</c> locations whose scheme is not HTTP(S), e.g. files inside repositories this
/// service published (<c>file:///…/repo.git/-/blob/main/catalog-info.yaml</c>). Registered alongside
/// the HTTP reader; the first one that accepts a URL reads it.
/// </summary>
public interface IUrlContentReader
{
    bool CanRead(Uri url);

    /// <summary>Reads the URL; throws <see cref="Common.Errors.NotFoundError"/> when it does not exist.</summary>
    Task<string> ReadAsync(Uri url, CancellationToken cancellationToken);
}
