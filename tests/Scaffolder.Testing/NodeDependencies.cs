namespace Scaffolder.Testing;

/// <summary>
/// The Node project under <c>tests/node</c> (Backstage's published clients, nunjucks, the
/// JSON-Schema-Test-Suite). Installed on first use from its lock file, so <c>dotnet test</c>
/// needs no manual step.
/// </summary>
public static class NodeDependencies
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    public static string ProjectDirectory => RepositoryPaths.InRepo("tests", "node");

    public static string ModulesDirectory => Path.Combine(ProjectDirectory, "node_modules");

    /// <summary>Runs <c>npm ci</c> when <c>node_modules</c> is missing or older than the lock file.</summary>
    public static async Task<string> EnsureInstalledAsync()
    {
        await InProcess.WaitAsync();
        try
        {
            using var machineWide = await CrossProcessLock.AcquireAsync("npm-ci", TimeSpan.FromMinutes(10));
            var lockFile = Path.Combine(ProjectDirectory, "package-lock.json");
            var installedMarker = Path.Combine(ModulesDirectory, ".package-lock.json");
            if (File.Exists(installedMarker) && File.GetLastWriteTimeUtc(installedMarker) >= File.GetLastWriteTimeUtc(lockFile))
            {
                return ModulesDirectory;
            }

            var result = await ProcessRunner.RunAsync(
                "npm",
                ["ci", "--no-audit", "--no-fund", "--loglevel=error"],
                ProjectDirectory,
                timeout: TimeSpan.FromMinutes(10));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {ProjectDirectory} failed ({result.ExitCode}):\n{result.Combined}");
            }

            return ModulesDirectory;
        }
        finally
        {
            InProcess.Release();
        }
    }
}
