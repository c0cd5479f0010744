using System.Text;
using Scaffolder.Publishing.Azure;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Http;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Tests.Infrastructure;

namespace Scaffolder.Publishing.Tests.Azure;

public sealed class AzurePublisherTests : IAsyncLifetime, IDisposable
{
    private const string Token = "azdopat0123456789abcdefghijklmnopqrstuvwxyz";
    private const string Host = "azure.test";

    private readonly TempDirectory _temp = new();
    private readonly HttpClient _http = new();
    private readonly RecordingLog _log = new();
    private FakeAzureDevOps _azure = null!;
    private string _workspace = null!;

    public async Task InitializeAsync()
    {
        _azure = await FakeAzureDevOps.StartAsync(_temp.Combine("azure"));
        _azure.Tokens[Token] = "jane";
        _azure.Projects["fabrikam"] = Guid.NewGuid();
        _azure.Projects["fabrikam/Platform"] = Guid.NewGuid();
        _workspace = _temp.CreateDirectory("workspace");
        _temp.WriteFile("workspace/azure-pipelines.yml", "trigger: [main]\n");
    }

    public async Task DisposeAsync() => await _azure.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_repository_is_created_in_the_project_and_pushed_with_Backstages_outputs()
    {
        var result = await Publisher().PublishAsync(Request("orders"), _log);

        var created = _azure.Repositories["fabrikam/Platform/orders"];
        Assert.Equal((string?)created["remoteUrl"], result.RemoteUrl);
        Assert.Equal((string?)created["webUrl"], result.RepoContentsUrl);
        Assert.Equal((string?)created["id"], result.RepositoryId);
        Assert.StartsWith("http://fabrikam@", result.RemoteUrl, StringComparison.Ordinal);
        var bare = _azure.RepositoryPath("fabrikam/Platform/_git/orders.git");
        Assert.Equal(result.CommitHash, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/master"));
        var request = Assert.Single(_azure.Requests);
        Assert.Equal("POST /fabrikam/Platform/_apis/git/repositories?api-version=7.1", request.ToString());
        Assert.Equal("orders", (string?)request.Body!["name"]);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + Token)), request.Authorization);
        Assert.All(_azure.GitAuthorizationHeaders, h => Assert.Equal(GitCredentials.Basic("notempty", Token).AuthorizationHeader, h));
    }

    [Fact]
    public async Task The_default_branch_author_and_message_are_applied()
    {
        var result = await Publisher().PublishAsync(Request("orders") with { DefaultBranch = "main", GitAuthorName = "Ops", GitAuthorEmail = "ops@example.com", GitCommitMessage = "Scaffolded" }, _log);

        var bare = _azure.RepositoryPath("fabrikam/Platform/_git/orders.git");
        Assert.Equal("Ops <ops@example.com>|Scaffolded", await TestGit.RunAsync(bare, "--git-dir=" + bare, "log", "-1", "--format=%an <%ae>|%s", "refs/heads/main"));
        Assert.Equal(result.CommitHash, await TestGit.RunAsync(bare, "--git-dir=" + bare, "rev-parse", "refs/heads/main"));
    }

    [Fact]
    public async Task A_taken_name_fails_with_Azure_DevOps_TF400948_message()
    {
        await Publisher().PublishAsync(Request("orders"), _log);

        var error = await Assert.ThrowsAsync<ScmApiException>(() => Publisher().PublishAsync(Request("orders"), _log));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal("Azure DevOps API POST /fabrikam/Platform/_apis/git/repositories?api-version=7.1 failed with 409 Conflict: TF400948: A Git repository with the name orders already exists.", error.Message);
    }

    [Fact]
    public async Task An_unknown_project_fails_with_TF200016()
    {
        var error = await Assert.ThrowsAsync<ScmApiException>(() => Publisher().PublishAsync(Request("orders") with { RepoUrl = $"{Host}?organization=fabrikam&project=Nope&repo=orders" }, _log));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("TF200016: The following project does not exist: Nope.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_token_answered_with_a_sign_in_page_is_reported_as_such_without_the_token()
    {
        var error = await Assert.ThrowsAsync<ScmApiException>(() => Publisher().PublishAsync(Request("orders") with { Token = "revokedpat0123456789" }, _log));

        Assert.Equal(203, error.StatusCode);
        Assert.Contains("answered 203 Non-Authoritative Information with a non-JSON page, which usually means the token was rejected", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("revokedpat0123456789", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_azure.Repositories);
    }

    [Fact]
    public async Task Inputs_that_cannot_work_are_refused_with_Backstages_messages_before_any_api_call()
    {
        var missingOrganization = await Assert.ThrowsAsync<PublishingInputException>(
            () => Publisher().PublishAsync(Request("orders") with { RepoUrl = $"{Host}?project=Platform&repo=orders" }, _log));
        var missingProject = await Assert.ThrowsAsync<PublishingInputException>(
            () => Publisher().PublishAsync(Request("orders") with { RepoUrl = $"{Host}?organization=fabrikam&repo=orders" }, _log));
        var noToken = await Assert.ThrowsAsync<PublishingInputException>(() => Publisher(integrationToken: null).PublishAsync(Request("orders"), _log));
        var badSource = await Assert.ThrowsAsync<PublishingInputException>(() => Publisher().PublishAsync(Request("orders") with { SourcePath = "../x" }, _log));

        Assert.Equal($"Invalid URL provider was included in the repo URL to create {Host}?project=Platform&repo=orders, missing organization", missingOrganization.Message);
        Assert.EndsWith("missing project", missingProject.Message, StringComparison.Ordinal);
        Assert.Equal($"No credentials provided https://{Host}/fabrikam, please check your integrations config", noToken.Message);
        Assert.Contains("sourcePath", badSource.Message, StringComparison.Ordinal);
        Assert.Empty(_azure.Requests);
    }

    [Fact]
    public async Task A_push_the_git_server_rejects_fails_without_showing_the_token()
    {
        _azure.RejectGit = true;

        var error = await Assert.ThrowsAsync<GitCommandException>(() => Publisher().PublishAsync(Request("orders"), _log));

        Assert.Contains("/fabrikam/Platform/_git/orders", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("notempty:" + Token)), error.ToString(), StringComparison.Ordinal);
    }

    private PublishAzureRequest Request(string repo) => new()
    {
        WorkspacePath = _workspace,
        RepoUrl = $"{Host}?organization=fabrikam&project=Platform&repo={repo}",
    };

    private AzurePublisher Publisher(string? integrationToken = Token) =>
        new(
            _http,
            new GitCli(),
            new ScmIntegrations([new ScmIntegration { Host = Host, Type = ScmProviderType.Azure, Token = integrationToken, ApiBaseUrl = _azure.BaseUrl.AbsoluteUri }]),
            apiOptions: new ScmApiOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
}
