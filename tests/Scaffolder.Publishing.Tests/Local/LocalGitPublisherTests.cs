using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Local;
using Scaffolder.Publishing.Tests.Infrastructure;

namespace Scaffolder.Publishing.Tests.Local;

public sealed class LocalGitPublisherTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _workspace;
    private readonly string _root;
    private readonly LocalGitPublisher _publisher;

    public LocalGitPublisherTests()
    {
        _workspace = _temp.CreateDirectory("workspace");
        _root = _temp.Combine("data", "repos");
        _publisher = new LocalGitPublisher(
            new GitCli(),
            new LocalGitPublisherOptions { RepositoriesRoot = _root },
            integrations: new ScmIntegrations([new ScmIntegration { Host = "local", Type = ScmProviderType.Local }]));
        _temp.WriteFile("workspace/catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\n");
        _temp.WriteFile("workspace/src/Program.cs", "// program\n");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Publishing_by_owner_and_repo_creates_a_bare_repository_under_the_root_and_pushes_the_workspace()
    {
        var result = await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "team-a", Repo = "orders" });

        var bare = Path.Combine(_root, "team-a", "orders.git");
        Assert.Equal(new Uri(bare).AbsoluteUri, result.RemoteUrl);
        Assert.Equal(new Uri(bare).AbsoluteUri + "/-/blob/main", result.RepoContentsUrl);
        Assert.Equal(result.CommitHash, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/main"));
        Assert.Equal("// program", await TestGit.ShowAsync(bare, "main", "src/Program.cs"));
        Assert.Equal("catalog-info.yaml\nsrc/Program.cs", await TestGit.RunAsync(bare, "--git-dir=" + bare, "ls-tree", "-r", "--name-only", "main"));
    }

    [Fact]
    public async Task The_commit_uses_Backstages_default_author_and_message_unless_given()
    {
        var defaults = await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "defaults" });
        var custom = await _publisher.PublishAsync(new PublishGitRequest
        {
            WorkspacePath = _workspace,
            Owner = "o",
            Repo = "custom",
            GitAuthorName = "Platform Bot",
            GitAuthorEmail = "bot@example.com",
            GitCommitMessage = "Scaffold orders service",
        });

        var first = Path.Combine(_root, "o", "defaults.git");
        var second = Path.Combine(_root, "o", "custom.git");
        Assert.Equal("Scaffolder <scaffolder@backstage.io>|initial commit", await TestGit.RunAsync(first, "--git-dir=" + first, "log", "-1", "--format=%an <%ae>|%s", defaults.CommitHash));
        Assert.Equal("Platform Bot <bot@example.com>|Scaffold orders service", await TestGit.RunAsync(second, "--git-dir=" + second, "log", "-1", "--format=%an <%ae>|%s", custom.CommitHash));
    }

    [Fact]
    public async Task A_cloned_published_repository_checks_out_the_default_branch()
    {
        var result = await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "r", DefaultBranch = "trunk" });

        var clone = _temp.Combine("clone");
        await TestGit.RunAsync(_temp.Path, "clone", "--quiet", result.RemoteUrl, clone);

        Assert.Equal("trunk", await TestGit.RunAsync(clone, "branch", "--show-current"));
        Assert.True(File.Exists(Path.Combine(clone, "catalog-info.yaml")));
        Assert.EndsWith("/-/blob/trunk", result.RepoContentsUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_source_path_is_published_when_one_is_given()
    {
        _temp.WriteFile("workspace/service/README.md", "# service\n");

        var result = await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, SourcePath = "service", Owner = "o", Repo = "r" });

        var bare = Path.Combine(_root, "o", "r.git");
        Assert.Equal("README.md", await TestGit.RunAsync(bare, "--git-dir=" + bare, "ls-tree", "-r", "--name-only", result.CommitHash));
    }

    [Fact]
    public async Task Ignored_files_and_a_git_folder_in_the_workspace_are_not_published_and_the_workspace_is_left_untouched()
    {
        _temp.WriteFile("workspace/.gitignore", "bin/\n");
        _temp.WriteFile("workspace/bin/app.dll", "binary");
        var marker = _temp.Combine("hook-ran");
        _temp.WriteFile("workspace/.git/config", "[core]\n\tfsmonitor = touch " + marker + "\n");
        _temp.WriteFile("workspace/.git/hooks/pre-commit", "#!/bin/sh\ntouch " + marker + "\n");
        var before = Directory.GetFileSystemEntries(_workspace, "*", SearchOption.AllDirectories).Order().ToList();

        var result = await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "r" });

        var bare = Path.Combine(_root, "o", "r.git");
        var files = await TestGit.RunAsync(bare, "--git-dir=" + bare, "ls-tree", "-r", "--name-only", result.CommitHash);
        Assert.Equal(".gitignore\ncatalog-info.yaml\nsrc/Program.cs", files);
        Assert.False(File.Exists(marker));
        Assert.Equal(before, Directory.GetFileSystemEntries(_workspace, "*", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public async Task An_empty_workspace_is_published_as_an_empty_initial_commit()
    {
        var empty = _temp.CreateDirectory("empty");

        var result = await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = empty, Owner = "o", Repo = "empty" });

        Assert.Matches("^[0-9a-f]{40}$", result.CommitHash);
    }

    [Fact]
    public async Task Publishing_again_to_an_existing_local_branch_fails_clearly_and_keeps_what_is_there()
    {
        var first = await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "r" });
        _temp.WriteFile("workspace/catalog-info.yaml", "changed\n");

        var error = await Assert.ThrowsAsync<PublishingInputException>(
            () => _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "r" }));

        Assert.Contains("o/r already has a branch 'main'", error.Message, StringComparison.Ordinal);
        var bare = Path.Combine(_root, "o", "r.git");
        Assert.Equal(first.CommitHash, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/main"));
    }

    [Fact]
    public async Task Publishing_identical_content_again_within_the_same_second_is_refused_too()
    {
        await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "same" });

        var error = await Assert.ThrowsAsync<PublishingInputException>(
            () => _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "same" }));

        Assert.Contains("never overwrites", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pushing_other_history_to_an_existing_remote_branch_is_rejected_and_keeps_what_is_there()
    {
        var first = await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "r" });
        _temp.WriteFile("workspace/catalog-info.yaml", "changed\n");
        var remoteUrl = new Uri(Path.Combine(_root, "o", "r.git")).AbsoluteUri;

        var error = await Assert.ThrowsAsync<GitPushRejectedException>(
            () => _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, RemoteUrl = remoteUrl }));

        Assert.Contains("branch 'main' already exists there", error.Message, StringComparison.Ordinal);
        var bare = Path.Combine(_root, "o", "r.git");
        Assert.Equal(first.CommitHash, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/main"));
    }

    [Fact]
    public async Task Publishing_to_a_new_branch_of_an_existing_repository_works()
    {
        await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "r" });

        var second = await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "r", DefaultBranch = "next" });

        var bare = Path.Combine(_root, "o", "r.git");
        Assert.Equal(second.CommitHash, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/next"));
    }

    [Fact]
    public async Task A_repo_url_for_a_local_integration_publishes_to_its_owner_and_repo()
    {
        var result = await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, RepoUrl = "local?owner=team&repo=svc" });

        Assert.EndsWith("/team/svc.git", result.RemoteUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repo_url_for_a_hosted_provider_is_refused_by_publish_git()
    {
        var error = await Assert.ThrowsAsync<PublishingInputException>(
            () => _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, RepoUrl = "github.com?owner=o&repo=r" }));

        Assert.Contains("GitHub integration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_absolute_path_or_file_url_can_be_the_remote()
    {
        var bare = _temp.Combine("elsewhere", "target.git");
        await TestGit.InitBareAsync(bare);

        var byPath = await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, RemoteUrl = bare });
        var byUrl = await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, RemoteUrl = new Uri(bare).AbsoluteUri, DefaultBranch = "other" });

        Assert.Equal(bare, byPath.RemoteUrl);
        Assert.Equal(byPath.CommitHash, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/main"));
        Assert.Equal(byUrl.CommitHash, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/other"));
        Assert.False(Directory.Exists(_root), "nothing is created under the root for an explicit remote");
    }

    [Fact]
    public async Task An_unreachable_http_remote_fails_the_publish_with_a_clear_message()
    {
        var url = $"http://127.0.0.1:{Unreachable.ClosedPort()}/o/r.git";

        var error = await Assert.ThrowsAsync<GitCommandException>(
            () => _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, RemoteUrl = url }));

        Assert.Contains($"git push to {url} (branch 'main') failed", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..", "r")]
    [InlineData("../escape", "r")]
    [InlineData("o", "..")]
    [InlineData("o", "../../escape")]
    [InlineData("o/sub", "r")]
    [InlineData("o", "a/b")]
    [InlineData("o", "a\\b")]
    [InlineData("/etc", "r")]
    [InlineData("o", "/tmp/x")]
    [InlineData(".hidden", "r")]
    [InlineData("o", "-rf")]
    [InlineData("o", "name with space")]
    [InlineData("o", "r.git")]
    [InlineData("o", "r$(touch x)")]
    [InlineData("", "r")]
    [InlineData("o", "")]
    public async Task Owner_and_repo_that_are_not_plain_names_are_refused_and_nothing_is_created(string owner, string repo)
    {
        var error = await Assert.ThrowsAsync<PublishingInputException>(
            () => _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = owner, Repo = repo }));

        Assert.Contains("repository", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_root), "the repositories root was touched");
        Assert.False(Directory.Exists(_temp.Combine("escape")));
        Assert.False(Directory.Exists(_temp.Combine("data", "escape")));
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/etc")]
    [InlineData("src/../../")]
    public async Task A_source_path_outside_the_workspace_is_refused_before_anything_is_created(string sourcePath)
    {
        var error = await Assert.ThrowsAsync<PublishingInputException>(
            () => _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, SourcePath = sourcePath, Owner = "o", Repo = "r" }));

        Assert.Contains("sourcePath", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_root));
    }

    [Fact]
    public async Task A_target_must_be_given_exactly_once()
    {
        var none = await Assert.ThrowsAsync<PublishingInputException>(() => _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace }));
        var both = await Assert.ThrowsAsync<PublishingInputException>(
            () => _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "r", RemoteUrl = "/tmp/x.git" }));

        Assert.Contains("needs a target", none.Message, StringComparison.Ordinal);
        Assert.Contains("exactly one target", both.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_directory_that_is_not_a_repository_is_not_used()
    {
        _temp.WriteFile("data/repos/o/r.git/notes.txt", "not git");

        var error = await Assert.ThrowsAsync<PublishingInputException>(
            () => _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "r" }));

        Assert.Contains("is not a bare git repository", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad branch", "default branch")]
    [InlineData("x..y", "default branch")]
    public async Task An_invalid_default_branch_is_refused(string branch, string expected)
    {
        var error = await Assert.ThrowsAsync<PublishingInputException>(
            () => _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "r", DefaultBranch = branch }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_root));
    }

    [Fact]
    public async Task An_author_that_would_corrupt_the_commit_header_is_refused()
    {
        var error = await Assert.ThrowsAsync<PublishingInputException>(
            () => _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = _workspace, Owner = "o", Repo = "r", GitAuthorName = "Evil <x@y>" }));

        Assert.Contains("author name", error.Message, StringComparison.Ordinal);
    }
}
