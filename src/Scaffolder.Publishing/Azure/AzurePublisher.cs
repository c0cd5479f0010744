using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Http;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Workspace;

namespace Scaffolder.Publishing.Azure;

/// <summary><c>publish:azure</c> as Backstage does it: create the repository in the project, then push the workspace with the token.</summary>
public sealed class AzurePublisher(
    HttpClient http,
    GitCli git,
    ScmIntegrations integrations,
    PublishDefaults? defaults = null,
    ScmApiOptions? apiOptions = null)
{
    private readonly PublishDefaults _defaults = defaults ?? new PublishDefaults();

    public async Task<AzurePublishResult> PublishAsync(PublishAzureRequest request, IPublishLog? log = null, CancellationToken cancellationToken = default)
    {
        log ??= NullPublishLog.Instance;
        var repoUrl = RepoUrl.Parse(request.RepoUrl, integrations, out var integration);
        if (integration.Type != ScmProviderType.Azure)
        {
            throw new PublishingInputException($"publish:azure needs an Azure DevOps host, but {repoUrl.Host} is configured as a {integration.Type} integration.");
        }

        var organization = repoUrl.Organization
            ?? throw new PublishingInputException($"Invalid URL provider was included in the repo URL to create {request.RepoUrl}, missing organization");
        var token = !string.IsNullOrWhiteSpace(request.Token) ? request.Token
            : !string.IsNullOrWhiteSpace(integration.Token) ? integration.Token
            : throw new PublishingInputException($"No credentials provided https://{repoUrl.Host}/{organization}, please check your integrations config");
        GitBranchName.Validate(request.DefaultBranch, "default branch");
        var source = SourceDirectory.Resolve(request.WorkspacePath, request.SourcePath);
        var author = GitIdentity.From(request.GitAuthorName, request.GitAuthorEmail, _defaults.Author);
        var message = string.IsNullOrWhiteSpace(request.GitCommitMessage) ? _defaults.CommitMessage : request.GitCommitMessage;

        var api = new AzureDevOpsApiClient(http, integration.ResolveApiBaseUrl(), token, apiOptions, git.Redactor);
        var created = await api.CreateRepositoryAsync(organization, repoUrl.Project!, repoUrl.Repo!, cancellationToken).ConfigureAwait(false);
        var remoteUrl = Require(created.RemoteUrl, "remote URL");
        var repositoryId = Require(created.Id, "Id");
        var webUrl = Require(created.WebUrl, "web URL");
        log.Info($"Created the repository {repoUrl.Repo} in {organization}/{repoUrl.Project}");

        var commit = await new WorkspaceCommitAndPush(git).RunAsync(
            new CommitAndPushRequest(source, GitRemote.Parse(remoteUrl), request.DefaultBranch, message, author)
            {
                Credentials = GitCredentials.Basic("notempty", token),
            },
            log,
            cancellationToken).ConfigureAwait(false);
        return new AzurePublishResult(remoteUrl, webUrl, repositoryId, commit);
    }

    private static string Require(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new PublishingException($"No {what} returned from create repository for Azure") : value;
}
