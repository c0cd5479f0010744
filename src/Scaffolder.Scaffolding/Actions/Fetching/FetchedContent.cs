namespace Scaffolder.Scaffolding.Actions.Fetching;

/// <summary>
/// Fetched content on this machine: the original file or folder for local URLs, a private temporary
/// copy (removed on dispose) for downloads.
/// </summary>
public sealed class FetchedContent : IDisposable
{
    private readonly string? _temporaryRoot;

    private FetchedContent(string path, string? temporaryRoot)
    {
        Path = path;
        _temporaryRoot = temporaryRoot;
    }

    /// <summary>The file or folder to read.</summary>
    public string Path { get; }

    public static FetchedContent Local(string path) => new(path, null);

    public static FetchedContent Temporary(string path, string temporaryRoot) => new(path, temporaryRoot);

    public static string CreateTemporaryRoot()
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "scaffolder-fetch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return root;
    }

    public void Dispose()
    {
        if (_temporaryRoot is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_temporaryRoot, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the step for it would not be.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
