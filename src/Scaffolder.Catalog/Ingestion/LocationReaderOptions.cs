namespace Scaffolder.Catalog.Ingestion;

/// <summary>Configuration section <c>Catalog:Locations</c>: what the catalog may read.</summary>
public sealed class LocationReaderOptions
{
    public const string SectionName = "Catalog:Locations";

    /// <summary>
    /// Hosts <c>url</c> locations may be read from: exact names (<c>example.com</c>, <c>localhost:7007</c>)
    /// or wildcards (<c>*.example.com</c>). Empty means no URL may be read.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Folders <c>file</c> locations may be read from. Relative folders resolve against the working directory.</summary>
    public List<string> FileRoots { get; set; } = ["."];

    /// <summary>Largest location file read, in bytes.</summary>
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    public TimeSpan UrlTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
