using Scaffolder.Testing;

namespace Scaffolder.Publishing.Tests.Infrastructure;

/// <summary>Plain git commands for arranging and inspecting repositories in tests, independent of the code under test.</summary>
public static class TestGit
{
    private static readonly Dictionary<string, string?> Isolated = new()
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_AUTHOR_NAME"] = "Test",
        ["GIT_AUTHOR_EMAIL"] = "test@example.com",
        ["GIT_COMMITTER_NAME"] = "Test",
        ["GIT_COMMITTER_EMAIL"] = "test@example.com",
        ["GIT_DIR"] = null,
        ["GIT_WORK_TREE"] = null,
    };

    public static async Task<string> RunAsync(string workingDirectory, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("git", arguments, workingDirectory, Isolated, TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Combined}");
        }

        return result.StandardOutput.Trim();
    }

    public static Task InitBareAsync(string path, string branch = "main")
    {
        Directory.CreateDirectory(path);
        return RunAsync(path, "init", "--quiet", "--bare", $"--initial-branch={branch}");
    }

    /// <summary>Commits one file to <paramref name="branch"/> of the bare repository <paramref name="bareRepository"/>.</summary>
    public static async Task<string> SeedAsync(string bareRepository, string branch, string file, string content)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "scaffolder-publishing-tests", "seed-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(scratch);
        try
        {
            await RunAsync(scratch, "init", "--quiet", $"--initial-branch={branch}");
            var path = Path.Combine(scratch, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content);
            await RunAsync(scratch, "add", "--all");
            await RunAsync(scratch, "commit", "--quiet", "-m", "seed");
            await RunAsync(scratch, "push", "--quiet", bareRepository, $"HEAD:refs/heads/{branch}");
            return await RunAsync(scratch, "rev-parse", "HEAD");
        }
        finally
        {
            foreach (var f in Directory.EnumerateFiles(scratch, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(f, FileAttributes.Normal);
            }

            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The content of <paramref name="path"/> on <paramref name="branch"/> of a bare repository.</summary>
    public static Task<string> ShowAsync(string bareRepository, string branch, string path) =>
        RunAsync(bareRepository, "--git-dir=" + bareRepository, "show", $"refs/heads/{branch}:{path}");
}
