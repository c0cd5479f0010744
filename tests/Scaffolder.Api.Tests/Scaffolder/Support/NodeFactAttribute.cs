using Scaffolder.Testing;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder.Support;

/// <summary>
/// A test that runs the reference implementation under Node: skipped (with the reason) when <c>node</c>
/// is not installed, but never under CI, where its absence must fail.
/// </summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (!IsNodeInstalled && !ContinuousIntegration.IsActive)
        {
            Skip = "node is not on PATH: the expectations cannot be regenerated with nunjucks.";
        }
    }

    public static bool IsNodeInstalled =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, OperatingSystem.IsWindows() ? "node.exe" : "node")));
}
