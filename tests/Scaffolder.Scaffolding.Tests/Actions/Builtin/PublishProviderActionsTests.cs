using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Publishing.Azure;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.GitHub;
using Scaffolder.Publishing.GitLab;
using Scaffolder.Publishing.Http;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Tests.Azure;
using Scaffolder.Publishing.Tests.GitHub;
using Scaffolder.Publishing.Tests.GitLab;
using Scaffolder.Publishing.Tests.Infrastructure;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Tests.Support;

namespace Scaffolder.Scaffolding.Tests.Actions.Builtin;

/// <summary>publish:github, publish:gitlab and publish:azure against fake providers with real git endpoints: inputs reach the provider as Backstage's do.</summary>
public sealed class PublishProviderActionsTests : IDisposable
{
    private static readonly ScmApiOptions FastRetries = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
    private readonly ActionHarness _harness = new();
    private readonly HttpClient _http = new();

    public PublishProviderActionsTests() => _harness.WriteWorkspaceFile("catalog-info.yaml", "kind: Component\n");

    public void Dispose()
    {
        _http.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public async Task GitHub_repository_is_created_from_Backstage_inputs_and_outputs_are_set()
    {
        await using var github = await FakeGitHub.StartAsync(Path.Combine(_harness.Root, "github"));
        github.Tokens["ghp_token"] = "octocat";
        github.Accounts["acme"] = "Organization";
        var integrations = new ScmIntegrations([new ScmIntegration { Host = "github.test", Type = ScmProviderType.GitHub, ApiBaseUrl = github.ApiBaseUrl.AbsoluteUri }]);
        var action = new PublishGitHubAction(new GitHubPublisher(_http, new GitCli(), integrations, apiOptions: FastRetries));

        var context = await _harness.RunAsync(action, ActionHarness.Input("""
            {
              "repoUrl": "github.test?owner=acme&repo=orders",
              "description": "Orders service",
              "repoVisibility": "internal",
              "defaultBranch": "main",
              "protectDefaultBranch": false,
              "topics": ["dotnet", "service"],
              "token": "ghp_token"
            }
            """));

        Assert.Equal(new Uri(github.BaseUrl, "acme/orders.git").AbsoluteUri, context.Outputs["remoteUrl"]!.GetValue<string>());
        Assert.Equal(new Uri(github.BaseUrl, "acme/orders").AbsoluteUri + "/blob/main", context.Outputs["repoContentsUrl"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{40}$", context.Outputs["commitHash"]!.GetValue<string>());
        var create = github.Requests.Single(r => r.ToString() == "POST /api/v3/orgs/acme/repos").Body!;
        Assert.Equal("Orders service", (string?)create["description"]);
        Assert.Equal("internal", (string?)create["visibility"]);
        Assert.Contains(github.Requests, r => r.ToString() == "PUT /api/v3/repos/acme/orders/topics");
    }

    [Fact]
    public async Task GitHub_without_a_token_is_an_input_error_naming_the_action()
    {
        var integrations = new ScmIntegrations([new ScmIntegration { Host = "github.test", Type = ScmProviderType.GitHub, ApiBaseUrl = "http://127.0.0.1:9/api/v3" }]);
        var action = new PublishGitHubAction(new GitHubPublisher(_http, new GitCli(), integrations));

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(action, new JsonObject { ["repoUrl"] = "github.test?owner=acme&repo=orders" }));

        Assert.StartsWith("publish:github: No token available for host: github.test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitHub_input_of_the_wrong_shape_is_an_input_error()
    {
        var action = new PublishGitHubAction(new GitHubPublisher(_http, new GitCli(), ScmIntegrations.Default));

        var error = await Assert.ThrowsAsync<InputError>(() =>
            _harness.RunUncheckedAsync(action, new JsonObject { ["repoUrl"] = "github.com?owner=a&repo=b", ["collaborators"] = "everyone" }));

        Assert.StartsWith("publish:github: the input has the wrong shape at collaborators", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitLab_project_is_created_with_settings_branches_and_variables()
    {
        await using var gitlab = await FakeGitLab.StartAsync(Path.Combine(_harness.Root, "gitlab"));
        gitlab.AddUser("glpat-integration", 1, "bot");
        gitlab.AdminTokens["glpat-integration"] = true;
        gitlab.Namespaces["platform"] = (7, "group");
        var integrations = new ScmIntegrations([new ScmIntegration { Host = "gitlab.test", Type = ScmProviderType.GitLab, Token = "glpat-integration", ApiBaseUrl = gitlab.ApiBaseUrl.AbsoluteUri }]);
        var action = new PublishGitLabAction(new GitLabPublisher(_http, new GitCli(), integrations, apiOptions: FastRetries));

        var context = await _harness.RunAsync(action, ActionHarness.Input("""
            {
              "repoUrl": "gitlab.test?owner=platform&repo=orders",
              "defaultBranch": "main",
              "settings": { "visibility": "internal", "description": "Orders" },
              "branches": [{ "name": "develop", "create": true, "protect": true, "ref": "main" }],
              "projectVariables": [{ "key": "REGION", "value": "eu-west-1", "environment_scope": "prod" }]
            }
            """));

        var web = new Uri(gitlab.BaseUrl, "platform/orders").AbsoluteUri;
        Assert.Equal(web, context.Outputs["remoteUrl"]!.GetValue<string>());
        Assert.Equal(web + "/-/blob/main", context.Outputs["repoContentsUrl"]!.GetValue<string>());
        Assert.Equal(101, context.Outputs["projectId"]!.GetValue<long>());
        Assert.True(context.Outputs["created"]!.GetValue<bool>());
        var create = gitlab.Requests.Single(r => r.ToString() == "POST /api/v4/projects").Body!;
        Assert.Equal("internal", (string?)create["visibility"]);
        Assert.Equal("Orders", (string?)create["description"]);
        Assert.True(gitlab.ProtectedBranches.ContainsKey("101:develop"));
        Assert.Equal("prod", (string?)gitlab.Variables["101:REGION"]!["environment_scope"]);
    }

    [Fact]
    public async Task GitLab_source_path_false_creates_an_empty_project()
    {
        await using var gitlab = await FakeGitLab.StartAsync(Path.Combine(_harness.Root, "gitlab"));
        gitlab.AddUser("glpat-integration", 1, "bot");
        gitlab.Namespaces["platform"] = (7, "group");
        var integrations = new ScmIntegrations([new ScmIntegration { Host = "gitlab.test", Type = ScmProviderType.GitLab, Token = "glpat-integration", ApiBaseUrl = gitlab.ApiBaseUrl.AbsoluteUri }]);
        var action = new PublishGitLabAction(new GitLabPublisher(_http, new GitCli(), integrations, apiOptions: FastRetries));

        var context = await _harness.RunAsync(action, new JsonObject { ["repoUrl"] = "gitlab.test?owner=platform&repo=empty", ["sourcePath"] = false });

        Assert.False(context.Outputs.ContainsKey("commitHash"));
        Assert.Empty(gitlab.GitAuthorizationHeaders);
    }

    [Fact]
    public async Task Azure_repository_is_created_and_pushed()
    {
        await using var azure = await FakeAzureDevOps.StartAsync(Path.Combine(_harness.Root, "azure"));
        azure.Tokens["azdo-pat-0123456789"] = "jane";
        azure.Projects["fabrikam/Platform"] = Guid.NewGuid();
        var integrations = new ScmIntegrations([new ScmIntegration { Host = "azure.test", Type = ScmProviderType.Azure, ApiBaseUrl = azure.BaseUrl.AbsoluteUri }]);
        var action = new PublishAzureAction(new AzurePublisher(_http, new GitCli(), integrations, apiOptions: FastRetries));

        var context = await _harness.RunAsync(action, new JsonObject
        {
            ["repoUrl"] = "azure.test?organization=fabrikam&project=Platform&repo=orders",
            ["token"] = "azdo-pat-0123456789",
            ["defaultBranch"] = "main",
        });

        var created = azure.Repositories["fabrikam/Platform/orders"];
        Assert.Equal((string?)created["remoteUrl"], context.Outputs["remoteUrl"]!.GetValue<string>());
        Assert.Equal((string?)created["webUrl"], context.Outputs["repoContentsUrl"]!.GetValue<string>());
        Assert.Equal((string?)created["id"], context.Outputs["repositoryId"]!.GetValue<string>());
        var bare = azure.RepositoryPath("fabrikam/Platform/_git/orders.git");
        Assert.Equal(context.Outputs["commitHash"]!.GetValue<string>(), await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/main"));
    }

    [Fact]
    public async Task Azure_commit_signing_is_refused_as_unsupported()
    {
        var action = new PublishAzureAction(new AzurePublisher(_http, new GitCli(), ScmIntegrations.Default));

        var error = await Assert.ThrowsAsync<InputError>(() =>
            _harness.RunAsync(action, new JsonObject { ["repoUrl"] = "dev.azure.com?organization=o&project=p&repo=r", ["signCommit"] = true }));

        Assert.Equal("publish:azure: input 'signCommit' is not supported by this server; leave it out or set it to false", error.Message);
    }

    [Fact]
    public void Provider_publish_actions_do_not_run_in_dry_runs()
    {
        Assert.False(new PublishGitHubAction(new GitHubPublisher(_http, new GitCli(), ScmIntegrations.Default)).SupportsDryRun);
        Assert.False(new PublishGitLabAction(new GitLabPublisher(_http, new GitCli(), ScmIntegrations.Default)).SupportsDryRun);
        Assert.False(new PublishAzureAction(new AzurePublisher(_http, new GitCli(), ScmIntegrations.Default)).SupportsDryRun);
    }
}
