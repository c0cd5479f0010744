using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.GitLab;
using Scaffolder.Publishing.Http;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Tests.Infrastructure;

namespace Scaffolder.Publishing.Tests.GitLab;

public sealed class GitLabPublisherTests : IAsyncLifetime, IDisposable
{
    private const string IntegrationToken = "glpat-IntegrationToken0123456789";
    private const string UserToken = "gloas-UserOAuthToken0123456789";
    private const string Host = "gitlab.test";

    private readonly TempDirectory _temp = new();
    private readonly HttpClient _http = new();
    private readonly RecordingLog _log = new();
    private FakeGitLab _gitlab = null!;
    private string _workspace = null!;

    public async Task InitializeAsync()
    {
        _gitlab = await FakeGitLab.StartAsync(_temp.Combine("gitlab"));
        _gitlab.AddUser(IntegrationToken, 1, "scaffolder-bot");
        _gitlab.AddUser(UserToken, 42, "jane");
        _gitlab.AdminTokens[IntegrationToken] = true;
        _gitlab.Namespaces["platform"] = (7, "group");
        _gitlab.Namespaces["platform/backend"] = (8, "group");
        _workspace = _temp.CreateDirectory("workspace");
        _temp.WriteFile("workspace/.gitlab-ci.yml", "stages: [build]\n");
    }

    public async Task DisposeAsync() => await _gitlab.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_project_is_created_in_the_owners_namespace_pushed_and_described_by_Backstages_outputs()
    {
        var result = await Publisher().PublishAsync(Request("platform/backend", "orders"), _log);

        var web = new Uri(_gitlab.BaseUrl, "platform/backend/orders").AbsoluteUri;
        Assert.Equal(web, result.RemoteUrl);
        Assert.Equal(web + "/-/blob/master", result.RepoContentsUrl);
        Assert.Equal(101, result.ProjectId);
        Assert.True(result.Created);
        var bare = _gitlab.RepositoryPath("platform/backend/orders.git");
        Assert.Equal(result.CommitHash, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/master"));
        Assert.Equal(["GET /api/v4/namespaces/platform%2Fbackend", "GET /api/v4/user", "POST /api/v4/projects"], _gitlab.Requests.Select(r => r.ToString()));
        var create = _gitlab.Requests.Last().Body!;
        Assert.Equal("orders", (string?)create["name"]);
        Assert.Equal(8, (long?)create["namespace_id"]);
        Assert.Equal("private", (string?)create["visibility"]);
        Assert.All(_gitlab.Requests, r => Assert.Equal(IntegrationToken, r.Headers["PRIVATE-TOKEN"]));
        Assert.All(_gitlab.GitAuthorizationHeaders, h => Assert.Equal(GitCredentials.Basic("oauth2", IntegrationToken).AuthorizationHeader, h));
    }

    [Fact]
    public async Task A_token_given_to_the_action_is_used_as_an_OAuth_bearer_token()
    {
        await Publisher().PublishAsync(Request("jane", "notes") with { Token = UserToken }, _log);

        Assert.All(_gitlab.Requests, r => Assert.Equal($"Bearer {UserToken}", r.Authorization));
        Assert.All(_gitlab.GitAuthorizationHeaders, h => Assert.Equal(GitCredentials.Basic("oauth2", UserToken).AuthorizationHeader, h));
    }

    [Fact]
    public async Task Settings_are_sent_and_override_the_deprecated_visibility_and_topics()
    {
        await Publisher().PublishAsync(
            Request("platform", "orders") with
            {
                RepoVisibility = "public",
                Topics = ["old"],
                Settings = new GitLabProjectSettings { Visibility = "internal", Topics = ["dotnet"], CiConfigPath = "ci/.gitlab-ci.yml", SquashOption = "always" },
            },
            _log);

        var create = _gitlab.Requests.Single(r => r.Method == "POST").Body!;
        Assert.Equal("internal", (string?)create["visibility"]);
        Assert.Equal("dotnet", (string?)create["topics"]![0]);
        Assert.Equal("ci/.gitlab-ci.yml", (string?)create["ci_config_path"]);
        Assert.Equal("always", (string?)create["squash_option"]);
    }

    [Fact]
    public async Task An_unknown_namespace_gives_Backstages_message()
    {
        var error = await Assert.ThrowsAsync<PublishingInputException>(() => Publisher().PublishAsync(Request("nowhere", "orders"), _log));

        Assert.Equal("The namespace nowhere is not found or the user doesn't have permissions to access it", error.Message);
    }

    [Fact]
    public async Task A_taken_project_name_fails_with_GitLabs_field_errors()
    {
        await Publisher().PublishAsync(Request("platform", "orders"), _log);

        var error = await Assert.ThrowsAsync<ScmApiException>(() => Publisher().PublishAsync(Request("platform", "orders"), _log));

        Assert.Equal("GitLab API POST /projects failed with 400 Bad Request: name has already been taken; path has already been taken", error.Message);
    }

    [Fact]
    public async Task A_rejected_token_fails_with_401_and_is_never_shown()
    {
        var error = await Assert.ThrowsAsync<ScmApiException>(() => Publisher().PublishAsync(Request("platform", "orders") with { Token = "glpat-Revoked0123456789" }, _log));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("GitLab API GET /namespaces/platform failed with 401 Unauthorized: 401 Unauthorized", error.Message);
        Assert.DoesNotContain("glpat-Revoked0123456789", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_source_the_project_is_created_empty_and_nothing_is_pushed()
    {
        var result = await Publisher().PublishAsync(Request("platform", "empty") with { PushSource = false }, _log);

        Assert.Null(result.CommitHash);
        Assert.Empty(_gitlab.GitAuthorizationHeaders);
        Assert.Equal(101, result.ProjectId);
    }

    [Fact]
    public async Task Branches_are_created_from_their_ref_and_protected()
    {
        var result = await Publisher().PublishAsync(
            Request("platform", "orders") with
            {
                Branches = [new GitLabBranchSettings { Name = "develop", Create = true, Protect = true }, new GitLabBranchSettings { Name = "master", Protect = true }],
            },
            _log);

        var bare = _gitlab.RepositoryPath("platform/orders.git");
        Assert.Equal(result.CommitHash, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/develop"));
        Assert.True(_gitlab.ProtectedBranches.ContainsKey($"{result.ProjectId}:develop"));
        Assert.True(_gitlab.ProtectedBranches.ContainsKey($"{result.ProjectId}:master"));
        Assert.Contains($"info: Branch develop created for {result.ProjectId} with ref master", _log.Lines);
    }

    [Fact]
    public async Task A_branch_that_cannot_be_created_fails_with_Backstages_message_and_GitLabs_reason()
    {
        var error = await Assert.ThrowsAsync<PublishingInputException>(
            () => Publisher().PublishAsync(Request("platform", "orders") with { Branches = [new GitLabBranchSettings { Name = "develop", Create = true, Ref = "missing" }] }, _log));

        Assert.StartsWith("Branch creation failed for develop. GitLab API POST /projects/101/repository/branches?branch=develop&ref=missing failed with 400 Bad Request: Invalid reference name: missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_variables_are_created_with_Backstages_defaults()
    {
        await Publisher().PublishAsync(
            Request("platform", "orders") with
            {
                ProjectVariables = [new GitLabProjectVariable { Key = "REGION", Value = "eu" }, new GitLabProjectVariable { Key = "KUBECONFIG", Value = "x", VariableType = "file", Masked = true }],
            },
            _log);

        var first = _gitlab.Variables["101:REGION"]!;
        Assert.Equal("env_var", (string?)first["variable_type"]);
        Assert.Equal("*", (string?)first["environment_scope"]);
        Assert.False((bool?)first["protected"]);
        Assert.True((bool?)_gitlab.Variables["101:KUBECONFIG"]!["masked"]);
    }

    [Fact]
    public async Task A_duplicate_variable_fails_with_Backstages_message()
    {
        var error = await Assert.ThrowsAsync<PublishingInputException>(
            () => Publisher().PublishAsync(
                Request("platform", "orders") with { ProjectVariables = [new GitLabProjectVariable { Key = "A", Value = "1" }, new GitLabProjectVariable { Key = "A", Value = "2" }] },
                _log));

        Assert.StartsWith("Environment variable creation failed for A. GitLab API POST /projects/101/variables failed with 400 Bad Request: key (A) has already been taken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_user_as_owner_adds_the_token_user_as_owner_using_the_integration_token()
    {
        await Publisher().PublishAsync(Request("platform", "orders") with { Token = UserToken, SetUserAsOwner = true }, _log);

        var member = _gitlab.Requests.Single(r => r.Path == "/api/v4/projects/101/members");
        Assert.Equal(IntegrationToken, member.Headers["PRIVATE-TOKEN"]);
        Assert.Equal(42, (long?)member.Body!["user_id"]);
        Assert.Equal(50, (int?)member.Body["access_level"]);
    }

    [Fact]
    public async Task Inputs_that_cannot_work_are_refused_before_any_api_call()
    {
        var cases = new (PublishGitLabRequest Request, string Message)[]
        {
            (Request("platform", "orders") with { RepoUrl = $"{Host}?project=123" }, $"No owner provided for host: {Host}"),
            (Request("platform", "orders") with { RepoUrl = $"{Host}?owner=platform" }, "missing repo"),
            (Request("platform", "orders") with { SourcePath = "/etc" }, "sourcePath"),
            (Request("platform", "orders") with { RepoVisibility = "open" }, "Invalid visibility"),
            (Request("platform", "orders") with { ProjectVariables = [new GitLabProjectVariable { Key = "BAD-KEY", Value = "v" }] }, "Invalid project variable key"),
            (Request("platform", "orders") with { Branches = [new GitLabBranchSettings { Name = "bad branch" }] }, "Invalid branch name"),
        };

        foreach (var (request, message) in cases)
        {
            var error = await Assert.ThrowsAsync<PublishingInputException>(() => Publisher().PublishAsync(request, _log));
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }

        var noToken = await Assert.ThrowsAsync<PublishingInputException>(() => Publisher(integrationToken: null).PublishAsync(Request("platform", "orders"), _log));
        Assert.Equal($"No token available for host {Host}", noToken.Message);
        Assert.Empty(_gitlab.Requests);
    }

    [Fact]
    public async Task A_push_the_git_server_rejects_fails_without_showing_the_token()
    {
        _gitlab.RejectGit = true;

        var error = await Assert.ThrowsAsync<GitCommandException>(() => Publisher().PublishAsync(Request("platform", "orders"), _log));

        Assert.Contains("git push to " + new Uri(_gitlab.BaseUrl, "platform/orders.git").AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(IntegrationToken, error.ToString(), StringComparison.Ordinal);
    }

    private PublishGitLabRequest Request(string owner, string repo) => new()
    {
        WorkspacePath = _workspace,
        RepoUrl = $"{Host}?owner={Uri.EscapeDataString(owner)}&repo={repo}",
    };

    private GitLabPublisher Publisher(string? integrationToken = IntegrationToken) =>
        new(
            _http,
            new GitCli(),
            new ScmIntegrations([new ScmIntegration { Host = Host, Type = ScmProviderType.GitLab, Token = integrationToken, ApiBaseUrl = _gitlab.ApiBaseUrl.AbsoluteUri }]),
            apiOptions: new ScmApiOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
}
