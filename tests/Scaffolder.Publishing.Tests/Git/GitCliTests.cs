using System.Diagnostics;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Secrets;
using Scaffolder.Publishing.Tests.Infrastructure;

namespace Scaffolder.Publishing.Tests.Git;

public sealed class GitCliTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly GitCli _git = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Commit_records_the_given_author_as_author_and_committer_and_returns_HEAD()
    {
        var repository = await CreateRepositoryWithFileAsync("README.md", "# hello\n");

        var hash = await _git.CommitAsync(repository, "first commit", new GitIdentity("Jane Doe", "jane@example.com"));

        Assert.Matches("^[0-9a-f]{40}$", hash);
        Assert.Equal(hash, await TestGit.RunAsync(repository.WorkTree!, "rev-parse", "HEAD"));
        Assert.Equal("Jane Doe <jane@example.com>|Jane Doe <jane@example.com>", await TestGit.RunAsync(repository.WorkTree!, "log", "-1", "--format=%an <%ae>|%cn <%ce>"));
    }

    [Fact]
    public async Task Commit_message_is_kept_verbatim_even_when_it_starts_with_a_dash_or_spans_lines()
    {
        var repository = await CreateRepositoryWithFileAsync("a.txt", "a");
        const string message = "--amend is not an option here\n\nbody line ${{ x }}";

        await _git.CommitAsync(repository, message, GitIdentity.Scaffolder);

        Assert.Equal(message, await TestGit.RunAsync(repository.WorkTree!, "log", "-1", "--format=%B"));
    }

    [Fact]
    public async Task Init_uses_the_requested_initial_branch()
    {
        var repository = await CreateRepositoryWithFileAsync("a.txt", "a", branch: "trunk");
        await _git.CommitAsync(repository, "c", GitIdentity.Scaffolder);

        Assert.Equal("trunk", await TestGit.RunAsync(repository.WorkTree!, "branch", "--show-current"));
    }

    [Fact]
    public async Task Push_to_a_local_bare_repository_creates_the_branch_with_the_commit()
    {
        var repository = await CreateRepositoryWithFileAsync("a.txt", "content");
        var hash = await _git.CommitAsync(repository, "c", GitIdentity.Scaffolder);
        var bare = _temp.Combine("remote.git");
        await TestGit.InitBareAsync(bare);

        await _git.PushAsync(repository, GitRemote.Parse(bare), "main");

        Assert.Equal(hash, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/main"));
    }

    [Fact]
    public async Task Push_of_unrelated_history_onto_an_existing_branch_is_rejected_and_nothing_is_overwritten()
    {
        var bare = _temp.Combine("remote.git");
        await TestGit.InitBareAsync(bare);
        var existing = await TestGit.SeedAsync(bare, "main", "existing.txt", "keep me");
        var repository = await CreateRepositoryWithFileAsync("a.txt", "new");
        await _git.CommitAsync(repository, "c", GitIdentity.Scaffolder);

        var error = await Assert.ThrowsAsync<GitPushRejectedException>(() => _git.PushAsync(repository, GitRemote.Parse(bare), "main"));

        Assert.Contains("already exists there with commits that are not in the pushed history", error.Message, StringComparison.Ordinal);
        Assert.Contains("never force-pushes", error.Message, StringComparison.Ordinal);
        Assert.Equal(existing, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/main"));
    }

    [Fact]
    public async Task Push_to_a_path_that_is_not_a_repository_fails_with_gits_reason()
    {
        var repository = await CreateRepositoryWithFileAsync("a.txt", "a");
        await _git.CommitAsync(repository, "c", GitIdentity.Scaffolder);
        var missing = _temp.Combine("no-such-repo.git");

        var error = await Assert.ThrowsAsync<GitCommandException>(() => _git.PushAsync(repository, GitRemote.Parse(missing), "main"));

        Assert.Contains($"git push to {missing}", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not appear to be a git repository", error.Message, StringComparison.Ordinal);
        Assert.False(error.TimedOut);
    }

    [Fact]
    public async Task Push_to_a_port_nobody_listens_on_fails_fast_with_a_connection_error()
    {
        var repository = await CreateRepositoryWithFileAsync("a.txt", "a");
        await _git.CommitAsync(repository, "c", GitIdentity.Scaffolder);
        var url = $"http://127.0.0.1:{Unreachable.ClosedPort()}/o/r.git";
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GitCommandException>(() => _git.PushAsync(repository, GitRemote.Parse(url), "main"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Contains($"git push to {url}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Failed to connect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_to_a_server_that_never_answers_is_killed_at_the_timeout_with_a_clear_message()
    {
        using var silent = new SilentServer();
        var git = new GitCli(new GitCliOptions { NetworkTimeout = TimeSpan.FromSeconds(2) });
        var repository = await CreateRepositoryWithFileAsync("a.txt", "a");
        await git.CommitAsync(repository, "c", GitIdentity.Scaffolder);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GitCommandException>(() => git.PushAsync(repository, GitRemote.Parse($"http://127.0.0.1:{silent.Port}/o/r.git"), "main"));

        Assert.True(error.TimedOut);
        Assert.Contains("timed out after 2 s", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_a_hanging_push_stops_git_promptly()
    {
        using var silent = new SilentServer();
        var repository = await CreateRepositoryWithFileAsync("a.txt", "a");
        await _git.CommitAsync(repository, "c", GitIdentity.Scaffolder);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _git.PushAsync(repository, GitRemote.Parse($"http://127.0.0.1:{silent.Port}/o/r.git"), "main", cancellationToken: cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_secret_in_a_failing_remote_url_is_masked_in_the_error()
    {
        var git = new GitCli(redactor: new SecretRedactor(["tok_in_path_123"]));
        var repository = await CreateRepositoryWithFileAsync("a.txt", "a");
        await git.CommitAsync(repository, "c", GitIdentity.Scaffolder);
        var url = $"http://127.0.0.1:{Unreachable.ClosedPort()}/tok_in_path_123/r.git";

        var error = await Assert.ThrowsAsync<GitCommandException>(() => git.PushAsync(repository, GitRemote.Parse(url), "main"));

        Assert.DoesNotContain("tok_in_path_123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok_in_path_123", error.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("tok_in_path_123", error.Command, StringComparison.Ordinal);
        Assert.Contains("/***/r.git", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_git_executable_is_reported_as_such()
    {
        var git = new GitCli(new GitCliOptions { ExecutablePath = _temp.Combine("no-git-here") });

        var error = await Assert.ThrowsAsync<GitCommandException>(() => git.InitAsync(GitRepository.Bare(_temp.Combine("x.git")), "main"));

        Assert.Contains("git could not be started", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rev_parse_of_an_unknown_revision_returns_null_from_the_try_form()
    {
        var bare = _temp.Combine("r.git");
        await TestGit.InitBareAsync(bare);

        Assert.Null(await _git.TryRevParseAsync(GitRepository.Bare(bare), "refs/heads/main"));
        await Assert.ThrowsAsync<GitCommandException>(() => _git.RevParseAsync(GitRepository.Bare(bare), "refs/heads/main"));
    }

    [Fact]
    public async Task Show_file_returns_the_exact_bytes_or_null_for_a_missing_path()
    {
        var bare = _temp.Combine("r.git");
        await TestGit.InitBareAsync(bare);
        await TestGit.SeedAsync(bare, "main", "catalog-info.yaml", "kind: Component\r\n");
        var repository = GitRepository.Bare(bare);

        Assert.Equal("kind: Component\r\n"u8.ToArray(), await _git.ShowFileAsync(repository, "refs/heads/main", "/catalog-info.yaml"));
        Assert.Null(await _git.ShowFileAsync(repository, "refs/heads/main", "missing.yaml"));
        Assert.Null(await _git.ShowFileAsync(repository, "refs/heads/other", "catalog-info.yaml"));
        await Assert.ThrowsAsync<PublishingInputException>(() => _git.ShowFileAsync(repository, "refs/heads/main", "../etc/passwd"));
    }

    [Fact]
    public async Task Clone_checks_out_the_requested_branch()
    {
        var bare = _temp.Combine("r.git");
        await TestGit.InitBareAsync(bare);
        await TestGit.SeedAsync(bare, "develop", "a.txt", "from develop");

        await _git.CloneAsync(GitRemote.Parse(bare), _temp.Combine("clone"), branch: "develop");

        Assert.Equal("from develop", await File.ReadAllTextAsync(_temp.Combine("clone", "a.txt")));
    }

    [Fact]
    public async Task List_remote_branches_names_every_branch()
    {
        var bare = _temp.Combine("r.git");
        await TestGit.InitBareAsync(bare);
        await TestGit.SeedAsync(bare, "main", "a.txt", "a");
        await TestGit.SeedAsync(bare, "release/1.0", "a.txt", "b");

        var branches = await _git.ListRemoteBranchesAsync(GitRemote.Parse(bare));

        Assert.Equal(["main", "release/1.0"], branches.Order());
    }

    private async Task<GitRepository> CreateRepositoryWithFileAsync(string file, string content, string branch = "main")
    {
        var workTree = _temp.CreateDirectory("work-" + Guid.NewGuid().ToString("N")[..6]);
        await File.WriteAllTextAsync(Path.Combine(workTree, file), content);
        var repository = GitRepository.AtWorkTree(workTree);
        await _git.InitAsync(repository, branch);
        await _git.AddAllAsync(repository);
        return repository;
    }
}
