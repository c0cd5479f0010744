using System.Diagnostics;
using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Publishing;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Local;
using Scaffolder.Publishing.Tests.Infrastructure;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Tests.Support;

namespace Scaffolder.Scaffolding.Tests.Actions.Builtin;

public sealed class PublishGitActionTests : IDisposable
{
    private readonly ActionHarness _harness = new();
    private readonly LocalGitPublisherOptions _options;
    private readonly ScmIntegrations _integrations = new([new ScmIntegration { Host = "localhost", Type = ScmProviderType.Local }]);
    private readonly LocalGitPublisher _publisher;

    public PublishGitActionTests()
    {
        _options = new LocalGitPublisherOptions { RepositoriesRoot = Path.Combine(_harness.Root, "repos") };
        _publisher = new LocalGitPublisher(new GitCli(new GitCliOptions { NetworkTimeout = TimeSpan.FromSeconds(10) }), _options, integrations: _integrations);
        _harness.WriteWorkspaceFile("README.md", "# payments\n");
        _harness.WriteWorkspaceFile("src/Program.cs", "// code\n");
    }

    private PublishGitAction Action => new(_publisher, _integrations, _options);

    private PublishGitPlanAction Plan => new(_publisher, _integrations, _options);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Repo_url_on_the_local_host_publishes_to_a_new_bare_repository_with_Backstage_shaped_outputs()
    {
        var context = await _harness.RunAsync(Action, new JsonObject { ["repoUrl"] = "localhost?owner=team-a&repo=payments", ["gitCommitMessage"] = "Scaffold payments" });

        var bare = Path.Combine(_options.RepositoriesRoot, "team-a", "payments.git");
        var remoteUrl = new Uri(bare).AbsoluteUri;
        Assert.Equal(remoteUrl, context.Outputs["remoteUrl"]!.GetValue<string>());
        Assert.Equal(remoteUrl + "/-/blob/main", context.Outputs["repoContentsUrl"]!.GetValue<string>());
        var commit = context.Outputs["commitHash"]!.GetValue<string>();
        Assert.Equal(commit, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/main"));
        Assert.Equal("Scaffold payments", await TestGit.RunAsync(bare, "--git-dir=" + bare, "log", "-1", "--format=%s", "main"));
        Assert.Equal("README.md\nsrc/Program.cs", await TestGit.RunAsync(bare, "--git-dir=" + bare, "ls-tree", "-r", "--name-only", "main"));
    }

    [Fact]
    public async Task Plan_outputs_what_publish_then_outputs()
    {
        var input = new JsonObject { ["repoUrl"] = "localhost?owner=team-a&repo=planned", ["defaultBranch"] = "trunk" };

        var planned = await _harness.RunAsync(Plan, input, dryRun: true);
        var published = await _harness.RunAsync(Action, input);

        Assert.Equal(published.Outputs["remoteUrl"]!.GetValue<string>(), planned.Outputs["remoteUrl"]!.GetValue<string>());
        Assert.Equal(published.Outputs["repoContentsUrl"]!.GetValue<string>(), planned.Outputs["repoContentsUrl"]!.GetValue<string>());
        Assert.Equal($"url:{published.Outputs["repoContentsUrl"]}/", planned.Outputs["sourceLocation"]!.GetValue<string>());
        Assert.True(Plan.SupportsDryRun);
        Assert.False(Directory.Exists(Path.Combine(_options.RepositoriesRoot, "team-a", "never")));
    }

    [Fact]
    public async Task Plan_warns_when_the_branch_already_exists()
    {
        var input = new JsonObject { ["repoUrl"] = "localhost?owner=team-a&repo=taken" };
        await _harness.RunAsync(Action, input);

        await _harness.RunAsync(Plan, input);

        Assert.Contains(_harness.Log.Lines, l => l.Level == "warn" && l.Message.Contains("already has a branch main", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publishing_onto_an_existing_branch_fails_without_forcing()
    {
        var input = new JsonObject { ["repoUrl"] = "localhost?owner=team-a&repo=twice" };
        await _harness.RunAsync(Action, input);
        _harness.WriteWorkspaceFile("README.md", "changed");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(Action, input));

        Assert.StartsWith("publish:git: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("already has a branch 'main'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remote_url_pushes_to_an_existing_repository()
    {
        var bare = Path.Combine(_harness.Root, "elsewhere.git");
        await TestGit.InitBareAsync(bare);

        var context = await _harness.RunAsync(Action, new JsonObject { ["remoteUrl"] = bare, ["sourcePath"] = "src" });

        Assert.Equal("Program.cs", await TestGit.RunAsync(bare, "--git-dir=" + bare, "ls-tree", "-r", "--name-only", "main"));
        Assert.Equal(new Uri(bare).AbsoluteUri + "/-/blob/main", context.Outputs["repoContentsUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unreachable_remote_fails_fast_with_a_clear_message()
    {
        var remote = $"http://127.0.0.1:{Unreachable.ClosedPort()}/team-a/payments.git";
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<PublishingException>(() => _harness.RunAsync(Action, new JsonObject { ["remoteUrl"] = remote }));

        Assert.StartsWith("publish:git: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_remote_that_never_answers_is_abandoned_at_the_network_timeout()
    {
        using var silent = new SilentServer();
        var publisher = new LocalGitPublisher(new GitCli(new GitCliOptions { NetworkTimeout = TimeSpan.FromSeconds(2) }), _options, integrations: _integrations);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<PublishingException>(() =>
            _harness.RunAsync(new PublishGitAction(publisher, _integrations, _options), new JsonObject { ["remoteUrl"] = $"http://127.0.0.1:{silent.Port}/x.git" }));

        Assert.StartsWith("publish:git: ", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("""{"repoUrl":"github.com?owner=o&repo=r"}""", "use publish:github for this one")]
    [InlineData("""{"repoUrl":"unknown.example?owner=o&repo=r"}""", "No matching integration configuration for host unknown.example")]
    [InlineData("""{"repoUrl":"localhost?owner=o"}""", "missing repo")]
    [InlineData("""{"repoUrl":"localhost?owner=..&repo=r"}""", "'..' is not allowed")]
    [InlineData("""{"repoUrl":"localhost?owner=o&repo=r","remoteUrl":"/tmp/x.git"}""", "exactly one of repoUrl")]
    [InlineData("""{}""", "exactly one of repoUrl")]
    [InlineData("""{"remoteUrl":"ext::sh -c evil"}""", "remote helper")]
    [InlineData("""{"repoUrl":"localhost?owner=o&repo=r","defaultBranch":"bad..branch"}""", "branch")]
    public async Task Unusable_targets_are_refused_before_anything_is_created(string input, string message)
    {
        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(Action, ActionHarness.Input(input)));

        Assert.StartsWith("publish:git: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_options.RepositoriesRoot) && Directory.EnumerateFileSystemEntries(_options.RepositoriesRoot).Any());
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("/etc")]
    public async Task A_source_path_outside_the_workspace_is_refused(string sourcePath)
    {
        var error = await Assert.ThrowsAsync<InputError>(() =>
            _harness.RunAsync(Action, new JsonObject { ["repoUrl"] = "localhost?owner=team-a&repo=src", ["sourcePath"] = sourcePath }));

        Assert.Contains("sourcePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_does_not_run_in_dry_runs() => Assert.False(Action.SupportsDryRun);
}
