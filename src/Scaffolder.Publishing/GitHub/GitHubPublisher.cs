using System.Text.RegularExpressions;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Http;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Workspace;

namespace Scaffolder.Publishing.GitHub;

/// <summary>
/// <c>publish:github</c>, step for step as Backstage: look the owner up, create the repository in the
/// organization or for the authenticated user, grant access, add collaborators, topics and variables,
/// push the workspace over HTTPS with the token, then protect the default branch.
/// </summary>
public sealed partial class GitHubPublisher(
    HttpClient http,
    GitCli git,
    ScmIntegrations integrations,
    PublishDefaults? defaults = null,
    ScmApiOptions? apiOptions = null)
{
    private static readonly string[] Visibilities = ["private", "internal", "public"];
    private static readonly string[] Permissions = ["pull", "triage", "push", "maintain", "admin"];

    private readonly PublishDefaults _defaults = defaults ?? new PublishDefaults();

    public async Task<GitHubPublishResult> PublishAsync(PublishGitHubRequest request, IPublishLog? log = null, CancellationToken cancellationToken = default)
    {
        log ??= NullPublishLog.Instance;
        var repoUrl = RepoUrl.Parse(request.RepoUrl, integrations, out var integration);
        if (integration.Type != ScmProviderType.GitHub)
        {
            throw new PublishingInputException($"publish:github needs a GitHub host, but {repoUrl.Host} is configured as a {integration.Type} integration.");
        }

        var owner = repoUrl.Owner ?? throw new PublishingInputException("Invalid repository owner provided in repoUrl");
        var repo = repoUrl.Repo!;
        var token = FirstNonEmpty(request.Token, integration.Token)
            ?? throw new PublishingInputException($"No token available for host: {repoUrl.Host}, with owner {owner}, and repo {repo}");
        Validate(request, owner, repo);
        var source = SourceDirectory.Resolve(request.WorkspacePath, request.SourcePath);
        var author = GitIdentity.From(request.GitAuthorName, request.GitAuthorEmail, _defaults.Author);
        var message = FirstNonEmpty(request.GitCommitMessage, _defaults.CommitMessage)!;

        var api = new GitHubApiClient(http, integration.ResolveApiBaseUrl(), token, apiOptions, git.Redactor);
        var account = await GetOwnerAsync(api, owner, repoUrl.Host, cancellationToken).ConfigureAwait(false);
        var accessTeam = request.Access is { } access && access.StartsWith(owner + "/", StringComparison.Ordinal) ? access[(owner.Length + 1)..] : null;
        if (accessTeam is not null)
        {
            await RequireTeamAsync(api, owner, accessTeam, cancellationToken).ConfigureAwait(false);
        }

        var created = await CreateRepositoryAsync(api, account, repo, request, cancellationToken).ConfigureAwait(false);
        log.Info($"Created the {account.Type} repository {created.FullName}");

        if (accessTeam is not null)
        {
            await api.AddTeamRepositoryPermissionAsync(owner, accessTeam, owner, repo, "admin", cancellationToken).ConfigureAwait(false);
        }
        else if (request.Access is { Length: > 0 } user && user != owner)
        {
            await api.AddCollaboratorAsync(owner, repo, user, "admin", cancellationToken).ConfigureAwait(false);
        }

        await AddCollaboratorsAsync(api, owner, repo, request.Collaborators, log, cancellationToken).ConfigureAwait(false);
        await AddExtrasAsync(api, owner, repo, request, log, cancellationToken).ConfigureAwait(false);

        var remote = GitRemote.Parse(created.CloneUrl);
        var commit = await new WorkspaceCommitAndPush(git).RunAsync(
            new CommitAndPushRequest(source, remote, request.DefaultBranch, message, author)
            {
                Credentials = GitCredentials.Basic("x-access-token", token),
            },
            log,
            cancellationToken).ConfigureAwait(false);

        if (request.ProtectDefaultBranch)
        {
            await ProtectDefaultBranchAsync(api, owner, repo, request, log, cancellationToken).ConfigureAwait(false);
        }

        return new GitHubPublishResult(created.CloneUrl, $"{created.HtmlUrl}/blob/{request.DefaultBranch}", commit);
    }

    private static void Validate(PublishGitHubRequest request, string owner, string repo)
    {
        RequireName(owner, "owner");
        RequireName(repo, "repository name");
        GitBranchName.Validate(request.DefaultBranch, "default branch");
        if (!Visibilities.Contains(request.RepoVisibility))
        {
            throw new PublishingInputException($"Invalid repoVisibility '{request.RepoVisibility}': use private, internal or public.");
        }

        if (request.Secrets is { Count: > 0 })
        {
            throw new PublishingInputException(
                "publish:github input 'secrets' is not supported by this server (GitHub requires values sealed with libsodium); create the repository secrets separately.");
        }

        foreach (var collaborator in request.Collaborators ?? [])
        {
            if (new[] { collaborator.User, collaborator.Team, collaborator.Username }.Count(v => !string.IsNullOrWhiteSpace(v)) != 1)
            {
                throw new PublishingInputException("Each collaborator needs exactly one of 'user' or 'team'.");
            }

            if (!Permissions.Contains(collaborator.Access))
            {
                throw new PublishingInputException($"Invalid collaborator access '{collaborator.Access}': use pull, triage, push, maintain or admin.");
            }
        }

        if (request.RequiredApprovingReviewCount is < 0 or > 6)
        {
            throw new PublishingInputException("requiredApprovingReviewCount must be between 0 and 6.");
        }
    }

    private static async Task<GitHubAccount> GetOwnerAsync(GitHubApiClient api, string owner, string host, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetUserAsync(owner, cancellationToken).ConfigureAwait(false);
        }
        catch (ScmApiException e) when (e.StatusCode == 404)
        {
            throw new PublishingInputException($"The owner '{owner}' does not exist on {host} (no such user or organization).");
        }
    }

    private static async Task RequireTeamAsync(GitHubApiClient api, string org, string team, CancellationToken cancellationToken)
    {
        try
        {
            await api.GetTeamAsync(org, team, cancellationToken).ConfigureAwait(false);
        }
        catch (ScmApiException e) when (e.StatusCode == 404)
        {
            throw new PublishingInputException($"Received 'Not Found' from the API; one of org: {org} or team: {team} was not found within GitHub.");
        }
    }

    private static async Task<GitHubRepository> CreateRepositoryAsync(
        GitHubApiClient api,
        GitHubAccount account,
        string repo,
        PublishGitHubRequest request,
        CancellationToken cancellationToken)
    {
        var body = new GitHubCreateRepository
        {
            Name = repo,
            Description = request.Description,
            Homepage = request.Homepage,
            Private = request.RepoVisibility == "private",
            Visibility = account.IsOrganization ? request.RepoVisibility : null,
            HasIssues = request.HasIssues,
            HasProjects = request.HasProjects,
            HasWiki = request.HasWiki,
            DeleteBranchOnMerge = request.DeleteBranchOnMerge,
            AllowMergeCommit = request.AllowMergeCommit,
            AllowSquashMerge = request.AllowSquashMerge,
            SquashMergeCommitTitle = request.SquashMergeCommitTitle,
            SquashMergeCommitMessage = request.SquashMergeCommitMessage,
            AllowRebaseMerge = request.AllowRebaseMerge,
            AllowAutoMerge = request.AllowAutoMerge,
            AllowUpdateBranch = request.AllowUpdateBranch,
            CustomProperties = account.IsOrganization ? request.CustomProperties : null,
        };
        try
        {
            return account.IsOrganization
                ? await api.CreateOrganizationRepositoryAsync(account.Login, body, cancellationToken).ConfigureAwait(false)
                : await api.CreateUserRepositoryAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (ScmApiException e)
        {
            throw new ScmApiException(
                $"Failed to create the {account.Type} repository {account.Login}/{repo}, {e.Message}",
                e.Provider,
                e.Method,
                e.Path,
                e.StatusCode,
                e.ProviderMessage);
        }
    }

    // Backstage treats collaborators as best effort: a failure is logged and skipped.
    private static async Task AddCollaboratorsAsync(
        GitHubApiClient api,
        string owner,
        string repo,
        IReadOnlyList<GitHubCollaborator>? collaborators,
        IPublishLog log,
        CancellationToken cancellationToken)
    {
        foreach (var collaborator in collaborators ?? [])
        {
            var name = collaborator.User ?? collaborator.Team ?? collaborator.Username!;
            try
            {
                if (collaborator.User is not null)
                {
                    await api.AddCollaboratorAsync(owner, repo, EntityRefToName(collaborator.User), collaborator.Access, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await api.AddTeamRepositoryPermissionAsync(owner, EntityRefToName(name), owner, repo, collaborator.Access, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (ScmApiException e)
            {
                log.Warn($"Skipping {collaborator.Access} access for {name}, {e.Message}");
            }
        }
    }

    private static async Task AddExtrasAsync(GitHubApiClient api, string owner, string repo, PublishGitHubRequest request, IPublishLog log, CancellationToken cancellationToken)
    {
        if (request.Topics is { } topics)
        {
            try
            {
                await api.ReplaceTopicsAsync(owner, repo, topics.Select(t => t.ToLowerInvariant()).ToList(), cancellationToken).ConfigureAwait(false);
            }
            catch (ScmApiException e)
            {
                log.Warn($"Skipping topics {string.Join(' ', topics)}, {e.Message}");
            }
        }

        foreach (var (name, value) in request.RepoVariables ?? new Dictionary<string, string>())
        {
            await api.CreateRepositoryVariableAsync(owner, repo, name, value, cancellationToken).ConfigureAwait(false);
        }

        if (request.OidcCustomization is { } oidc)
        {
            await api.SetOidcSubjectClaimAsync(owner, repo, oidc.UseDefault, oidc.IncludeClaimKeys, cancellationToken).ConfigureAwait(false);
        }

        if (request.Subscribe)
        {
            await api.SubscribeAsync(owner, repo, cancellationToken).ConfigureAwait(false);
        }
    }

    // Best effort as in Backstage: protection needs GitHub Pro for private repositories, and a just-pushed
    // branch may briefly be unknown to the API (eventual consistency), so "Branch not found" is retried once.
    private static async Task ProtectDefaultBranchAsync(GitHubApiClient api, string owner, string repo, PublishGitHubRequest request, IPublishLog log, CancellationToken cancellationToken)
    {
        var body = new GitHubBranchProtection
        {
            RequiredStatusChecks = new GitHubRequiredStatusChecks(request.RequireBranchesToBeUpToDate, request.RequiredStatusCheckContexts),
            Restrictions = request.Restrictions,
            EnforceAdmins = request.ProtectEnforceAdmins,
            RequiredPullRequestReviews = new GitHubRequiredReviews
            {
                RequiredApprovingReviewCount = request.RequiredApprovingReviewCount,
                RequireCodeOwnerReviews = request.RequireCodeOwnerReviews,
                DismissStaleReviews = request.DismissStaleReviews,
                RequireLastPushApproval = request.RequireLastPushApproval,
                BypassPullRequestAllowances = request.BypassPullRequestAllowances,
            },
            RequiredConversationResolution = request.RequiredConversationResolution,
            RequiredLinearHistory = request.RequiredLinearHistory,
        };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await api.UpdateBranchProtectionAsync(owner, repo, request.DefaultBranch, body, cancellationToken).ConfigureAwait(false);
                if (request.RequiredCommitSigning)
                {
                    await api.RequireSignedCommitsAsync(owner, repo, request.DefaultBranch, cancellationToken).ConfigureAwait(false);
                }

                log.Info($"Protected the default branch '{request.DefaultBranch}' of {owner}/{repo}");
                return;
            }
            catch (ScmApiException e) when (attempt == 0 && e.ProviderMessage?.Contains("Branch not found", StringComparison.Ordinal) == true)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(600), cancellationToken).ConfigureAwait(false);
            }
            catch (ScmApiException e) when (e.ProviderMessage?.Contains("Upgrade to GitHub Pro", StringComparison.Ordinal) == true)
            {
                log.Warn("Branch protection was not enabled as it requires GitHub Pro for private repositories");
                return;
            }
            catch (ScmApiException e)
            {
                log.Warn($"Skipping: default branch protection on '{repo}', {e.Message}");
                return;
            }
        }
    }

    private static void RequireName(string value, string what)
    {
        if (!GitHubName().IsMatch(value))
        {
            throw new PublishingInputException($"Invalid GitHub {what} '{value}': use letters, digits, '.', '_' or '-' (at most 100).");
        }
    }

    /// <summary>Backstage's <c>entityRefToName</c>: <c>group:default/team-a</c> → <c>team-a</c>.</summary>
    internal static string EntityRefToName(string name) => name[(name.LastIndexOfAny([':', '/']) + 1)..];

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    [GeneratedRegex("^(?!\\.{1,2}$)[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex GitHubName();
}
