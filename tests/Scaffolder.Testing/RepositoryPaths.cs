namespace Scaffolder.Testing;

/// <summary>Locates the repository checkout and the shared reference material next to it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The directory holding <c>Scaffolder.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>
    /// The shared reference folder (conformance suites, references). Defaults to <c>../shared</c>
    /// beside the checkout; <c>SCAFFOLDER_SHARED_DIR</c> overrides it.
    /// </summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("SCAFFOLDER_SHARED_DIR") is { Length: > 0 } fromEnvironment
            ? Path.GetFullPath(fromEnvironment)
            : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Scaffolder.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find Scaffolder.sln above {AppContext.BaseDirectory}; run the tests from a checkout.");
    }
}
