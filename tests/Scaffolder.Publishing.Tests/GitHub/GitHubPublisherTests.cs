using System.Diagnostics;
using System.Text.Json.Nodes;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.GitHub;
using Scaffolder.Publishing.Http;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Tests.Infrastructure;

namespace Scaffolder.Publishing.Tests.GitHub;

public sealed class GitHubPublisherTests : IAsyncLifetime, IDisposable
{
    private const string Token = "ghp_FakeGitHubToken0123456789abcdef";
    private const string Host = "github.test";

    private readonly TempDirectory _temp = new();
    private readonly HttpClient _http = new();
    private readonly RecordingLog _log = new();
    private FakeGitHub _github = null!;
    private string _workspace = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHub.StartAsync(_temp.Combine("github"));
        _github.Tokens[Token] = "octocat";
        _github.Accounts["acme"] = "Organization";
        _github.Accounts["octocat"] = "User";
        _github.Teams["acme/platform"] = true;
        _github.Teams["acme/devs"] = true;
        _workspace = _temp.CreateDirectory("workspace");
        _temp.WriteFile("workspace/catalog-info.yaml", "kind: Component\n");
        _temp.WriteFile("workspace/.github/workflows/ci.yaml", "on: push\n");
    }

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task An_organization_repository_is_created_pushed_and_protected_with_Backstages_outputs()
    {
        var result = await Publisher().PublishAsync(Request("acme", "orders"), _log);

        Assert.Equal(new Uri(_github.BaseUrl, "acme/orders.git").AbsoluteUri, result.RemoteUrl);
        Assert.Equal(new Uri(_github.BaseUrl, "acme/orders").AbsoluteUri + "/blob/master", result.RepoContentsUrl);
        var bare = _github.RepositoryPath("acme/orders.git");
        Assert.Equal(result.CommitHash, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/master"));
        Assert.Equal("on: push", await TestGit.ShowAsync(bare, "master", ".github/workflows/ci.yaml"));
        Assert.Equal(
            ["GET /api/v3/users/acme", "POST /api/v3/orgs/acme/repos", "PUT /api/v3/repos/acme/orders/branches/master/protection"],
            _github.Requests.Select(r => r.ToString()));
        Assert.All(_github.Requests, r =>
        {
            Assert.Equal($"Bearer {Token}", r.Authorization);
            Assert.Equal("2022-11-28", r.Headers["X-GitHub-Api-Version"]);
        });
        Assert.All(_github.GitAuthorizationHeaders, h => Assert.Equal(GitCredentials.Basic("x-access-token", Token).AuthorizationHeader, h));
    }

    [Fact]
    public async Task The_create_request_carries_Backstages_repository_settings()
    {
        await Publisher().PublishAsync(Request("acme", "orders") with { Description = "Orders", RepoVisibility = "internal", HasWiki = false }, _log);

        var body = _github.Requests.Single(r => r.Method == "POST").Body!.AsObject();
        Assert.Equal("orders", (string?)body["name"]);
        Assert.Equal("Orders", (string?)body["description"]);
        Assert.False((bool?)body["private"]);
        Assert.Equal("internal", (string?)body["visibility"]);
        Assert.False((bool?)body["has_wiki"]);
        Assert.False(body.ContainsKey("has_issues"));
        Assert.True((bool?)body["allow_merge_commit"]);
        Assert.True((bool?)body["allow_squash_merge"]);
        Assert.True((bool?)body["allow_rebase_merge"]);
        Assert.False((bool?)body["allow_auto_merge"]);
        Assert.False((bool?)body["delete_branch_on_merge"]);
        Assert.Equal("COMMIT_OR_PR_TITLE", (string?)body["squash_merge_commit_title"]);
        Assert.Equal("COMMIT_MESSAGES", (string?)body["squash_merge_commit_message"]);
    }

    [Fact]
    public async Task A_user_owner_gets_the_repository_created_for_the_authenticated_user_without_visibility()
    {
        var result = await Publisher().PublishAsync(Request("octocat", "dotfiles") with { DefaultBranch = "main", ProtectDefaultBranch = false }, _log);

        var create = _github.Requests.Single(r => r.Method == "POST");
        Assert.Equal("/api/v3/user/repos", create.Path);
        Assert.True((bool?)create.Body!["private"]);
        Assert.False(create.Body.AsObject().ContainsKey("visibility"));
        Assert.EndsWith("/octocat/dotfiles/blob/main", result.RepoContentsUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(_github.Requests, r => r.Path.Contains("protection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Branch_protection_uses_the_inputs_and_always_sends_the_keys_GitHub_requires()
    {
        await Publisher().PublishAsync(
            Request("acme", "orders") with
            {
                RequiredStatusCheckContexts = ["build"],
                RequireCodeOwnerReviews = true,
                RequiredApprovingReviewCount = 2,
                ProtectEnforceAdmins = false,
                RequiredCommitSigning = true,
            },
            _log);

        var body = _github.Requests.Single(r => r.Path.EndsWith("/protection", StringComparison.Ordinal)).Body!.AsObject();
        Assert.True(body.ContainsKey("restrictions"));
        Assert.Null(body["restrictions"]);
        Assert.False((bool?)body["enforce_admins"]);
        Assert.True((bool?)body["required_status_checks"]!["strict"]);
        Assert.Equal("build", (string?)body["required_status_checks"]!["contexts"]![0]);
        Assert.Equal(2, (int?)body["required_pull_request_reviews"]!["required_approving_review_count"]);
        Assert.True((bool?)body["required_pull_request_reviews"]!["require_code_owner_reviews"]);
        Assert.Contains(_github.Requests, r => r.ToString() == "POST /api/v3/repos/acme/orders/branches/master/protection/required_signatures");
    }

    [Fact]
    public async Task Access_collaborators_topics_variables_and_subscription_are_applied()
    {
        await Publisher().PublishAsync(
            Request("acme", "orders") with
            {
                Access = "acme/platform",
                Collaborators =
                [
                    new GitHubCollaborator { User = "user:default/jane", Access = "push" },
                    new GitHubCollaborator { Team = "group:default/devs", Access = "pull" },
                ],
                Topics = ["Backend", "dotnet"],
                RepoVariables = new Dictionary<string, string> { ["REGION"] = "eu" },
                OidcCustomization = new GitHubOidcCustomization(false, ["repo"]),
                Subscribe = true,
            },
            _log);

        var paths = _github.Requests.Select(r => r.ToString()).ToList();
        Assert.Contains("GET /api/v3/orgs/acme/teams/platform", paths);
        Assert.Equal("admin", (string?)Find("PUT /api/v3/orgs/acme/teams/platform/repos/acme/orders")["permission"]);
        Assert.Equal("push", (string?)Find("PUT /api/v3/repos/acme/orders/collaborators/jane")["permission"]);
        Assert.Equal("pull", (string?)Find("PUT /api/v3/orgs/acme/teams/devs/repos/acme/orders")["permission"]);
        Assert.Equal(["backend", "dotnet"], Find("PUT /api/v3/repos/acme/orders/topics")["names"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("REGION", (string?)Find("POST /api/v3/repos/acme/orders/actions/variables")["name"]);
        Assert.False((bool?)Find("PUT /api/v3/repos/acme/orders/actions/oidc/customization/sub")["use_default"]);
        Assert.Contains("PUT /api/v3/repos/acme/orders/subscription", paths);
    }

    [Fact]
    public async Task An_access_user_other_than_the_owner_becomes_an_admin_collaborator()
    {
        await Publisher().PublishAsync(Request("acme", "orders") with { Access = "jane" }, _log);

        Assert.Equal("admin", (string?)Find("PUT /api/v3/repos/acme/orders/collaborators/jane")["permission"]);
    }

    [Fact]
    public async Task A_collaborator_GitHub_does_not_know_is_skipped_with_a_warning()
    {
        _github.UnknownCollaborators["ghost"] = true;

        var result = await Publisher().PublishAsync(Request("acme", "orders") with { Collaborators = [new GitHubCollaborator { User = "ghost", Access = "push" }] }, _log);

        Assert.NotEmpty(result.CommitHash);
        var warning = Assert.Single(_log.Warnings);
        Assert.StartsWith("Skipping push access for ghost, GitHub API PUT /repos/acme/orders/collaborators/ghost failed with 404", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_repository_name_fails_with_GitHubs_422_explanation_and_nothing_is_pushed()
    {
        await Publisher().PublishAsync(Request("acme", "orders"), _log);
        var before = _github.GitAuthorizationHeaders.Count;

        var error = await Assert.ThrowsAsync<ScmApiException>(() => Publisher().PublishAsync(Request("acme", "orders"), _log));

        Assert.Equal(
            "Failed to create the Organization repository acme/orders, GitHub API POST /orgs/acme/repos failed with 422 Unprocessable Entity: "
            + "Repository creation failed. (name already exists on this account)",
            error.Message);
        Assert.Equal(422, error.StatusCode);
        Assert.Equal(before, _github.GitAuthorizationHeaders.Count);
    }

    [Fact]
    public async Task A_rejected_token_fails_with_401_and_the_token_is_masked_even_when_the_server_echoes_it()
    {
        _github.EchoCredentialsInErrors = true;

        var error = await Assert.ThrowsAsync<ScmApiException>(() => Publisher().PublishAsync(Request("acme", "orders") with { Token = "ghp_RevokedToken987654321" }, _log));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("GitHub API GET /users/acme failed with 401 Unauthorized: Bad credentials (Bearer ***)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_RevokedToken987654321", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_GitHub_does_not_know_is_an_input_error()
    {
        var error = await Assert.ThrowsAsync<PublishingInputException>(() => Publisher().PublishAsync(Request("nobody", "orders"), _log));

        Assert.Equal($"The owner 'nobody' does not exist on {Host} (no such user or organization).", error.Message);
    }

    [Fact]
    public async Task An_access_team_that_does_not_exist_fails_before_the_repository_is_created()
    {
        var error = await Assert.ThrowsAsync<PublishingInputException>(() => Publisher().PublishAsync(Request("acme", "orders") with { Access = "acme/ghosts" }, _log));

        Assert.Contains("org: acme or team: ghosts was not found", error.Message, StringComparison.Ordinal);
        Assert.Empty(_github.Repositories);
    }

    [Fact]
    public async Task Branch_protection_needing_GitHub_Pro_is_skipped_with_Backstages_warning()
    {
        _github.ProtectionNeedsPro = true;

        var result = await Publisher().PublishAsync(Request("acme", "orders"), _log);

        Assert.NotEmpty(result.CommitHash);
        Assert.Equal(["Branch protection was not enabled as it requires GitHub Pro for private repositories"], _log.Warnings);
    }

    [Fact]
    public async Task A_branch_not_yet_visible_to_the_api_is_protected_on_the_second_try()
    {
        _github.BranchNotFoundOnce = true;

        await Publisher().PublishAsync(Request("acme", "orders"), _log);

        Assert.Equal(2, _github.Requests.Count(r => r.Path.EndsWith("/protection", StringComparison.Ordinal)));
        Assert.Empty(_log.Warnings);
    }

    [Fact]
    public async Task Inputs_that_cannot_work_are_refused_before_any_api_call()
    {
        var cases = new (PublishGitHubRequest Request, string Message)[]
        {
            (Request("acme", "orders") with { Secrets = new Dictionary<string, string> { ["X"] = "y" } }, "'secrets' is not supported"),
            (Request("acme", "orders") with { RepoVisibility = "secret" }, "Invalid repoVisibility"),
            (Request("acme", "orders") with { SourcePath = "../.." }, "sourcePath"),
            (Request("acme", "orders") with { DefaultBranch = "a..b" }, "default branch"),
            (Request("acme", "orders") with { Collaborators = [new GitHubCollaborator { User = "a", Team = "b", Access = "push" }] }, "exactly one of"),
            (Request("acme", "orders") with { Collaborators = [new GitHubCollaborator { User = "a", Access = "owner" }] }, "Invalid collaborator access"),
            (Request("acme", "bad name"), "Invalid GitHub repository name"),
            (Request("acme", "orders") with { RepoUrl = $"{Host}?repo=orders" }, "missing owner"),
            (Request("acme", "orders") with { RepoUrl = "unknown.test?owner=acme&repo=orders" }, "No matching integration configuration for host unknown.test"),
        };

        foreach (var (request, message) in cases)
        {
            var error = await Assert.ThrowsAsync<PublishingInputException>(() => Publisher().PublishAsync(request, _log));
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }

        Assert.Empty(_github.Requests);
    }

    [Fact]
    public async Task Without_a_token_from_input_or_integration_the_message_is_Backstages()
    {
        var error = await Assert.ThrowsAsync<PublishingInputException>(() => Publisher(integrationToken: null).PublishAsync(Request("acme", "orders") with { Token = null }, _log));

        Assert.Equal($"No token available for host: {Host}, with owner acme, and repo orders", error.Message);
    }

    [Fact]
    public async Task The_input_token_overrides_the_integration_token()
    {
        _github.Tokens["ghp_InputToken"] = "octocat";

        await Publisher(integrationToken: "ghp_IntegrationTokenNotAccepted").PublishAsync(Request("acme", "orders") with { Token = "ghp_InputToken" }, _log);

        Assert.All(_github.Requests, r => Assert.Equal("Bearer ghp_InputToken", r.Authorization));
    }

    [Fact]
    public async Task A_server_error_on_a_read_is_retried_but_a_failed_create_is_not_repeated()
    {
        _github.FailNextRequests(502);
        await Publisher().PublishAsync(Request("acme", "first"), _log);
        Assert.Equal(2, _github.Requests.Count(r => r.ToString() == "GET /api/v3/users/acme"));

        var requestsBefore = _github.Requests.Count;
        _github.FailNextRequests(200, 500);
        var error = await Assert.ThrowsAsync<ScmApiException>(() => Publisher().PublishAsync(Request("acme", "second"), _log));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(1, _github.Requests.Skip(requestsBefore).Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task A_rate_limited_create_is_retried_after_the_servers_delay()
    {
        _github.FailNextRequests(200, 429);

        var result = await Publisher().PublishAsync(Request("acme", "orders"), _log);

        Assert.NotEmpty(result.CommitHash);
        Assert.Equal(2, _github.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task An_api_that_does_not_answer_fails_at_the_request_timeout()
    {
        _github.ResponseDelay = TimeSpan.FromSeconds(20);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ScmApiException>(
            () => Publisher(apiOptions: new ScmApiOptions { RequestTimeout = TimeSpan.FromMilliseconds(500), MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10) })
                .PublishAsync(Request("acme", "orders"), _log));

        Assert.Equal("GitHub API GET /users/acme did not answer within 0.5 s.", error.Message);
        Assert.Null(error.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task An_api_nobody_listens_on_fails_with_a_connection_message()
    {
        var integrations = new ScmIntegrations([new ScmIntegration { Host = Host, Type = ScmProviderType.GitHub, Token = Token, ApiBaseUrl = $"http://127.0.0.1:{Unreachable.ClosedPort()}/api/v3" }]);
        var publisher = new GitHubPublisher(_http, new GitCli(), integrations, apiOptions: FastRetries());

        var error = await Assert.ThrowsAsync<ScmApiException>(() => publisher.PublishAsync(Request("acme", "orders"), _log));

        Assert.StartsWith("GitHub API GET /users/acme could not be reached (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_push_the_git_server_rejects_fails_with_gits_message_and_no_token()
    {
        var publisher = Publisher();
        _github.Tokens["ghp_ApiOnly"] = "octocat";
        _github.RejectGit = true;

        var error = await Assert.ThrowsAsync<GitCommandException>(() => publisher.PublishAsync(Request("acme", "orders") with { Token = "ghp_ApiOnly" }, _log));

        Assert.Contains("git push to " + new Uri(_github.BaseUrl, "acme/orders.git").AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_ApiOnly", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_ApiOnly", string.Join('\n', _log.Lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user:default/jane", "jane")]
    [InlineData("group:team-a", "team-a")]
    [InlineData("plain", "plain")]
    public void Entity_refs_become_plain_names_as_in_Backstage(string reference, string name) =>
        Assert.Equal(name, GitHubPublisher.EntityRefToName(reference));

    private JsonNode Find(string request) => _github.Requests.Single(r => r.ToString() == request).Body!;

    private PublishGitHubRequest Request(string owner, string repo) => new()
    {
        WorkspacePath = _workspace,
        RepoUrl = $"{Host}?owner={owner}&repo={repo}",
    };

    private GitHubPublisher Publisher(string? integrationToken = Token, ScmApiOptions? apiOptions = null)
    {
        var integrations = new ScmIntegrations([new ScmIntegration { Host = Host, Type = ScmProviderType.GitHub, Token = integrationToken, ApiBaseUrl = _github.ApiBaseUrl.AbsoluteUri }]);
        return new GitHubPublisher(_http, new GitCli(), integrations, apiOptions: apiOptions ?? FastRetries());
    }

    private static ScmApiOptions FastRetries() => new() { RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetries = 2 };
}
