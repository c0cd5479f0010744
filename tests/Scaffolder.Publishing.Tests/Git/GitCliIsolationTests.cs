using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Tests.Infrastructure;

namespace Scaffolder.Publishing.Tests.Git;

[CollectionDefinition(nameof(ProcessEnvironmentCollection), DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection;

/// <summary>These tests change process-wide environment variables, so they run alone.</summary>
[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class GitCliIsolationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_users_global_and_inherited_git_settings_have_no_effect()
    {
        var home = _temp.CreateDirectory("home");
        var marker = _temp.Combine("hook-ran");
        var hooks = _temp.CreateDirectory("global-hooks");
        var hook = Path.Combine(hooks, "pre-commit");
        await File.WriteAllTextAsync(hook, $"#!/bin/sh\ntouch '{marker}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await File.WriteAllTextAsync(
            Path.Combine(home, ".gitconfig"),
            $"[user]\n\tname = Global User\n\temail = global@example.com\n[core]\n\thooksPath = {hooks}\n[commit]\n\tgpgSign = true\n");
        var workTree = _temp.CreateDirectory("work");
        await File.WriteAllTextAsync(Path.Combine(workTree, "a.txt"), "a");
        var saved = new Dictionary<string, string?>
        {
            ["HOME"] = Environment.GetEnvironmentVariable("HOME"),
            ["XDG_CONFIG_HOME"] = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME"),
            ["GIT_DIR"] = Environment.GetEnvironmentVariable("GIT_DIR"),
            ["GIT_AUTHOR_NAME"] = Environment.GetEnvironmentVariable("GIT_AUTHOR_NAME"),
        };
        try
        {
            Environment.SetEnvironmentVariable("HOME", home);
            Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", home);
            Environment.SetEnvironmentVariable("GIT_DIR", _temp.Combine("elsewhere.git"));
            Environment.SetEnvironmentVariable("GIT_AUTHOR_NAME", "Inherited Author");
            var git = new GitCli();
            var repository = GitRepository.AtWorkTree(workTree);
            await git.InitAsync(repository, "main");
            await git.AddAllAsync(repository);

            await git.CommitAsync(repository, "c", new GitIdentity("Explicit", "explicit@example.com"));
        }
        finally
        {
            foreach (var (key, value) in saved)
            {
                Environment.SetEnvironmentVariable(key, value);
            }
        }

        Assert.Equal("Explicit <explicit@example.com>|Explicit <explicit@example.com>", await TestGit.RunAsync(workTree, "log", "-1", "--format=%an <%ae>|%cn <%ce>"));
        Assert.False(File.Exists(marker), "a hook from the global configuration ran");
        Assert.False(Directory.Exists(_temp.Combine("elsewhere.git")), "an inherited GIT_DIR was used");
    }
}
