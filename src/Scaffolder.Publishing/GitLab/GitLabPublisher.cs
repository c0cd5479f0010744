using System.Text.RegularExpressions;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Http;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Workspace;

namespace Scaffolder.Publishing.GitLab;

/// <summary>
/// <c>publish:gitlab</c> as Backstage does it: resolve the owner's namespace, create the project there,
/// optionally make the user its owner, push the workspace (as <c>oauth2</c> with the token), then create
/// or protect branches and add project variables.
/// </summary>
public sealed partial class GitLabPublisher(
    HttpClient http,
    GitCli git,
    ScmIntegrations integrations,
    PublishDefaults? defaults = null,
    ScmApiOptions? apiOptions = null)
{
    private const int OwnerAccessLevel = 50;
    private static readonly string[] Visibilities = ["private", "internal", "public"];

    private readonly PublishDefaults _defaults = defaults ?? new PublishDefaults();

    public async Task<GitLabPublishResult> PublishAsync(PublishGitLabRequest request, IPublishLog? log = null, CancellationToken cancellationToken = default)
    {
        log ??= NullPublishLog.Instance;
        var repoUrl = RepoUrl.Parse(request.RepoUrl, integrations, out var integration);
        if (integration.Type != ScmProviderType.GitLab)
        {
            throw new PublishingInputException($"publish:gitlab needs a GitLab host, but {repoUrl.Host} is configured as a {integration.Type} integration.");
        }

        var owner = repoUrl.Owner ?? throw new PublishingInputException($"No owner provided for host: {repoUrl.Host}, and repo {repoUrl.Repo}");
        var repo = repoUrl.Repo ?? throw new PublishingInputException($"Invalid repo URL passed to publisher: {repoUrl.DisplayUrl}, missing repo");
        var (token, kind) = !string.IsNullOrWhiteSpace(request.Token)
            ? (request.Token, GitLabTokenKind.OAuth)
            : !string.IsNullOrWhiteSpace(integration.Token)
                ? (integration.Token, GitLabTokenKind.PrivateToken)
                : throw new PublishingInputException($"No token available for host {repoUrl.Host}");
        Validate(request);
        var source = request.PushSource ? SourceDirectory.Resolve(request.WorkspacePath, request.SourcePath) : null;
        var author = GitIdentity.From(request.GitAuthorName, request.GitAuthorEmail, _defaults.Author);
        var message = string.IsNullOrWhiteSpace(request.GitCommitMessage) ? _defaults.CommitMessage : request.GitCommitMessage;

        var apiBaseUrl = integration.ResolveApiBaseUrl();
        var api = new GitLabApiClient(http, apiBaseUrl, token, kind, apiOptions, git.Redactor);
        var ns = await GetNamespaceAsync(api, owner, cancellationToken).ConfigureAwait(false);
        var user = await api.GetCurrentUserAsync(cancellationToken).ConfigureAwait(false);

        log.Info($"Creating repo {repo} in namespace {owner}.");
        var settings = request.Settings ?? new GitLabProjectSettings();
        var project = await api.CreateProjectAsync(
            new GitLabCreateProject
            {
                Name = repo,
                NamespaceId = ns.Id,
                Visibility = settings.Visibility ?? request.RepoVisibility,
                Topics = settings.Topics ?? (request.Topics.Count > 0 ? request.Topics : null),
                Path = settings.Path,
                AutoDevopsEnabled = settings.AutoDevopsEnabled,
                CiConfigPath = settings.CiConfigPath,
                Description = settings.Description,
                MergeMethod = settings.MergeMethod,
                SquashOption = settings.SquashOption,
                OnlyAllowMergeIfAllDiscussionsAreResolved = settings.OnlyAllowMergeIfAllDiscussionsAreResolved,
                OnlyAllowMergeIfPipelineSucceeds = settings.OnlyAllowMergeIfPipelineSucceeds,
                AllowMergeOnSkippedPipeline = settings.AllowMergeOnSkippedPipeline,
            },
            cancellationToken).ConfigureAwait(false);

        // An OAuth user may create a project but not push its protected default branch; the integration's
        // own token is what can make that user the owner.
        if (request.SetUserAsOwner && !string.IsNullOrWhiteSpace(integration.Token))
        {
            var admin = new GitLabApiClient(http, apiBaseUrl, integration.Token, GitLabTokenKind.PrivateToken, apiOptions, git.Redactor);
            await admin.AddProjectMemberAsync(project.Id, user.Id, OwnerAccessLevel, cancellationToken).ConfigureAwait(false);
        }

        var remoteUrl = project.HttpUrlToRepo.EndsWith(".git", StringComparison.Ordinal) ? project.HttpUrlToRepo[..^4] : project.HttpUrlToRepo;
        string? commit = null;
        if (source is not null)
        {
            commit = await new WorkspaceCommitAndPush(git).RunAsync(
                new CommitAndPushRequest(source, GitRemote.Parse(project.HttpUrlToRepo), request.DefaultBranch, message, author)
                {
                    Credentials = GitCredentials.Basic("oauth2", token),
                },
                log,
                cancellationToken).ConfigureAwait(false);
            await ApplyBranchesAsync(api, project.Id, request.Branches, log, cancellationToken).ConfigureAwait(false);
        }

        foreach (var variable in request.ProjectVariables)
        {
            try
            {
                await api.CreateProjectVariableAsync(project.Id, variable, cancellationToken).ConfigureAwait(false);
            }
            catch (ScmApiException e)
            {
                throw new PublishingInputException($"Environment variable creation failed for {variable.Key}. {e.Message}");
            }
        }

        return new GitLabPublishResult(remoteUrl, $"{remoteUrl}/-/blob/{request.DefaultBranch}", project.Id, commit, Created: true);
    }

    private static void Validate(PublishGitLabRequest request)
    {
        GitBranchName.Validate(request.DefaultBranch, "default branch");
        foreach (var visibility in new[] { request.RepoVisibility, request.Settings?.Visibility })
        {
            if (visibility is not null && !Visibilities.Contains(visibility))
            {
                throw new PublishingInputException($"Invalid visibility '{visibility}': use private, internal or public.");
            }
        }

        foreach (var branch in request.Branches)
        {
            GitBranchName.Validate(branch.Name);
        }

        foreach (var variable in request.ProjectVariables)
        {
            if (!VariableKey().IsMatch(variable.Key))
            {
                throw new PublishingInputException($"Invalid project variable key '{variable.Key}': at most 255 of A-Z, a-z, 0-9 and _.");
            }

            if (variable.VariableType is not ("env_var" or "file"))
            {
                throw new PublishingInputException($"Invalid variable_type '{variable.VariableType}' for {variable.Key}: use env_var or file.");
            }
        }
    }

    private static async Task<GitLabNamespace> GetNamespaceAsync(GitLabApiClient api, string owner, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetNamespaceAsync(owner, cancellationToken).ConfigureAwait(false);
        }
        catch (ScmApiException e) when (e.StatusCode == 404)
        {
            throw new PublishingInputException($"The namespace {owner} is not found or the user doesn't have permissions to access it");
        }
    }

    private static async Task ApplyBranchesAsync(GitLabApiClient api, long projectId, IReadOnlyList<GitLabBranchSettings> branches, IPublishLog log, CancellationToken cancellationToken)
    {
        foreach (var branch in branches)
        {
            if (branch.Create)
            {
                try
                {
                    await api.CreateBranchAsync(projectId, branch.Name, branch.Ref, cancellationToken).ConfigureAwait(false);
                }
                catch (ScmApiException e)
                {
                    throw new PublishingInputException($"Branch creation failed for {branch.Name}. {e.Message}");
                }

                log.Info($"Branch {branch.Name} created for {projectId} with ref {branch.Ref}");
            }

            if (branch.Protect)
            {
                try
                {
                    await api.ProtectBranchAsync(projectId, branch.Name, cancellationToken).ConfigureAwait(false);
                }
                catch (ScmApiException e)
                {
                    throw new PublishingInputException($"Branch protection failed for {branch.Name}. {e.Message}");
                }

                log.Info($"Branch {branch.Name} protected for {projectId}");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,255}$")]
    private static partial Regex VariableKey();
}
