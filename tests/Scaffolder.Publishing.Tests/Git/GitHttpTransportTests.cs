using System.Text;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Tests.Infrastructure;

namespace Scaffolder.Publishing.Tests.Git;

/// <summary>Pushes over git's smart HTTP protocol to a real <c>git http-backend</c>.</summary>
public sealed class GitHttpTransportTests : IDisposable
{
    private const string Token = "ghs_S3cretTokenValue0123456789";
    private static readonly GitCredentials Credentials = GitCredentials.Basic("x-access-token", Token);

    private readonly TempDirectory _temp = new();
    private readonly string _projectRoot;

    public GitHttpTransportTests()
    {
        _projectRoot = _temp.CreateDirectory("served");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Push_over_http_authenticates_with_a_header_and_leaves_no_trace_of_the_token()
    {
        var bare = Path.Combine(_projectRoot, "o", "r.git");
        await TestGit.InitBareAsync(bare);
        await using var server = await GitSmartHttpServer.StartAsync(_projectRoot, Credentials.AuthorizationHeader);
        var argumentLog = _temp.Combine("argv.log");
        var git = new GitCli(new GitCliOptions { ExecutablePath = WriteArgumentLoggingGit(argumentLog) });
        var repository = await CreateCommittedRepositoryAsync(git);

        await git.PushAsync(repository, GitRemote.Parse(server.UrlOf("o/r.git")), "main", Credentials);

        Assert.Equal(
            await TestGit.RunAsync(repository.WorkTree!, "rev-parse", "HEAD"),
            await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/main"));
        Assert.NotEmpty(server.ReceivedAuthorizationHeaders);
        Assert.All(server.ReceivedAuthorizationHeaders, header => Assert.Equal(Credentials.AuthorizationHeader, header));
        var argumentLists = await File.ReadAllTextAsync(argumentLog);
        Assert.Contains("push", argumentLists, StringComparison.Ordinal);
        AssertNoTrace(argumentLists, "git's argument lists");
        foreach (var file in Directory.EnumerateFiles(repository.GitDirectory, "*", SearchOption.AllDirectories))
        {
            AssertNoTrace(await File.ReadAllTextAsync(file, Encoding.Latin1), file);
        }
    }

    [Fact]
    public async Task A_rejected_token_fails_with_gits_authentication_message_and_no_trace_of_the_token()
    {
        var bare = Path.Combine(_projectRoot, "o", "r.git");
        await TestGit.InitBareAsync(bare);
        await using var server = await GitSmartHttpServer.StartAsync(_projectRoot, "Basic bm90LXRoZS1yaWdodC1vbmU=");
        var git = new GitCli();
        var repository = await CreateCommittedRepositoryAsync(git);

        var error = await Assert.ThrowsAsync<GitCommandException>(() => git.PushAsync(repository, GitRemote.Parse(server.UrlOf("o/r.git")), "main", Credentials));

        Assert.Contains("git push to " + server.UrlOf("o/r.git"), error.Message, StringComparison.Ordinal);
        Assert.Contains("terminal prompts disabled", error.Message, StringComparison.Ordinal);
        AssertNoTrace(error.Message, "the message");
        AssertNoTrace(error.StandardError, "git's error output");
        AssertNoTrace(error.ToString(), "the exception");
    }

    [Fact]
    public async Task A_push_without_credentials_to_a_protected_server_fails_instead_of_prompting()
    {
        await TestGit.InitBareAsync(Path.Combine(_projectRoot, "o", "r.git"));
        await using var server = await GitSmartHttpServer.StartAsync(_projectRoot, Credentials.AuthorizationHeader);
        var git = new GitCli(new GitCliOptions { NetworkTimeout = TimeSpan.FromSeconds(30) });
        var repository = await CreateCommittedRepositoryAsync(git);

        var error = await Assert.ThrowsAsync<GitCommandException>(() => git.PushAsync(repository, GitRemote.Parse(server.UrlOf("o/r.git")), "main"));

        Assert.False(error.TimedOut);
        Assert.Contains("could not read Username", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_written_into_the_remote_url_are_sent_as_a_header_and_never_shown()
    {
        var bare = Path.Combine(_projectRoot, "o", "r.git");
        await TestGit.InitBareAsync(bare);
        await using var server = await GitSmartHttpServer.StartAsync(_projectRoot, Credentials.AuthorizationHeader);
        var git = new GitCli();
        var repository = await CreateCommittedRepositoryAsync(git);
        var remote = GitRemote.Parse(server.UrlOf("o/r.git").Replace("http://", $"http://x-access-token:{Token}@", StringComparison.Ordinal));

        await git.PushAsync(repository, remote, "main");

        Assert.DoesNotContain(Token, remote.Url, StringComparison.Ordinal);
        Assert.All(server.ReceivedAuthorizationHeaders, header => Assert.Equal(Credentials.AuthorizationHeader, header));
    }

    [Fact]
    public async Task A_repository_missing_on_the_server_is_reported_with_the_url()
    {
        await using var server = await GitSmartHttpServer.StartAsync(_projectRoot, requiredAuthorization: null);
        var git = new GitCli();
        var repository = await CreateCommittedRepositoryAsync(git);

        var error = await Assert.ThrowsAsync<GitCommandException>(() => git.PushAsync(repository, GitRemote.Parse(server.UrlOf("o/missing.git")), "main", Credentials));

        Assert.Contains("o/missing.git", error.Message, StringComparison.Ordinal);
        AssertNoTrace(error.Message, "the message");
    }

    [Fact]
    public async Task Clone_over_http_with_credentials_keeps_them_out_of_the_clones_configuration()
    {
        var bare = Path.Combine(_projectRoot, "o", "r.git");
        await TestGit.InitBareAsync(bare);
        await TestGit.SeedAsync(bare, "main", "a.txt", "served");
        await using var server = await GitSmartHttpServer.StartAsync(_projectRoot, Credentials.AuthorizationHeader);
        var git = new GitCli();
        var clone = _temp.Combine("clone");

        await git.CloneAsync(GitRemote.Parse(server.UrlOf("o/r.git")), clone, credentials: Credentials);

        Assert.Equal("served", await File.ReadAllTextAsync(Path.Combine(clone, "a.txt")));
        AssertNoTrace(await File.ReadAllTextAsync(Path.Combine(clone, ".git", "config")), ".git/config");
        Assert.Equal(server.UrlOf("o/r.git"), await git.GetConfigAsync(GitRepository.AtWorkTree(clone), "remote.origin.url"));
    }

    private static void AssertNoTrace(string text, string where)
    {
        Assert.False(text.Contains(Token, StringComparison.Ordinal), $"the token appears in {where}");
        var encoded = Credentials.AuthorizationHeader["Basic ".Length..];
        Assert.False(text.Contains(encoded, StringComparison.Ordinal), $"the encoded credentials appear in {where}");
    }

    private async Task<GitRepository> CreateCommittedRepositoryAsync(GitCli git)
    {
        var workTree = _temp.CreateDirectory("work-" + Guid.NewGuid().ToString("N")[..6]);
        await File.WriteAllTextAsync(Path.Combine(workTree, "README.md"), "# pushed over http\n");
        var repository = GitRepository.AtWorkTree(workTree);
        await git.InitAsync(repository, "main");
        await git.AddAllAsync(repository);
        await git.CommitAsync(repository, "c", GitIdentity.Scaffolder);
        return repository;
    }

    /// <summary>A git wrapper that appends each argument list to <paramref name="log"/> before running the real git.</summary>
    private string WriteArgumentLoggingGit(string log)
    {
        var script = _temp.Combine("git-logging-arguments");
        File.WriteAllText(script, $"#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{log}'\nexec git \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }
}
