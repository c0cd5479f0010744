namespace Scaffolder.Scaffolding.Actions.Fetching;

/// <summary>
/// Configuration section <c>Scaffolder:Actions:Fetch</c>: where <c>fetch:*</c> actions may read from.
/// A template's own folder is always readable; anything else on this machine only below
/// <see cref="FileRoots"/>, and over HTTP(S) only from <see cref="AllowedHosts"/>.
/// </summary>
public sealed class FetchOptions
{
    public const string SectionName = "Scaffolder:Actions:Fetch";

    /// <summary>Extra folders local <c>url</c>s may point into (e.g. a shared skeletons folder). Relative folders resolve against the working directory.</summary>
    public List<string> FileRoots { get; set; } = [];

    /// <summary>Hosts <c>http(s)</c> URLs may be read from: exact names (<c>example.com</c>, <c>localhost:8080</c>) or wildcards (<c>*.example.com</c>).</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Largest download (a file, or a compressed archive), in bytes.</summary>
    public long MaxDownloadBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>Largest total size of the files extracted from one archive, in bytes.</summary>
    public long MaxExtractedBytes { get; set; } = 200 * 1024 * 1024;

    /// <summary>Most entries read from one archive or one local folder.</summary>
    public int MaxEntries { get; set; } = 20_000;

    /// <summary>Upper bound for one download, connection included.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
