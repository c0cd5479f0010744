using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Workspace;

namespace Scaffolder.Publishing.Local;

/// <summary>
/// <c>publish:git</c>: commits the workspace (or its <c>sourcePath</c>) and pushes it to a git remote,
/// by default a bare repository on this machine created on demand.
/// </summary>
public sealed class LocalGitPublisher
{
    private readonly GitCli _git;
    private readonly LocalGitPublisherOptions _options;
    private readonly PublishDefaults _defaults;
    private readonly ScmIntegrations _integrations;

    public LocalGitPublisher(
        GitCli git,
        LocalGitPublisherOptions? options = null,
        PublishDefaults? defaults = null,
        ScmIntegrations? integrations = null)
    {
        _git = git;
        _options = options ?? new LocalGitPublisherOptions();
        _defaults = defaults ?? new PublishDefaults();
        _integrations = integrations ?? ScmIntegrations.Default;
        Store = new LocalRepositoryStore(_options.RepositoriesRoot, git);
    }

    public LocalRepositoryStore Store { get; }

    public async Task<PublishGitResult> PublishAsync(PublishGitRequest request, IPublishLog? log = null, CancellationToken cancellationToken = default)
    {
        log ??= NullPublishLog.Instance;

        // Every input is checked before anything is created.
        var source = SourceDirectory.Resolve(request.WorkspacePath, request.SourcePath);
        var branch = GitBranchName.Validate(string.IsNullOrWhiteSpace(request.DefaultBranch) ? _options.DefaultBranch : request.DefaultBranch, "default branch");
        var author = GitIdentity.From(request.GitAuthorName, request.GitAuthorEmail, _defaults.Author);
        var message = string.IsNullOrWhiteSpace(request.GitCommitMessage) ? _defaults.CommitMessage : request.GitCommitMessage;
        var target = ResolveTarget(request);

        GitRemote remote;
        if (target.Remote is { } explicitRemote)
        {
            remote = explicitRemote;
        }
        else
        {
            var repository = await Store.EnsureAsync(target.Owner!, target.Repo!, branch, cancellationToken).ConfigureAwait(false);
            remote = GitRemote.Parse(new Uri(repository.GitDirectory).AbsoluteUri);

            // A push of an identical commit (same tree, author and second) would be a silent no-op, so an
            // existing branch is refused up front rather than left to the push's fast-forward check.
            var branches = await _git.ListRemoteBranchesAsync(remote, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (branches.Contains(branch, StringComparer.Ordinal))
            {
                throw new PublishingInputException(
                    $"The local repository {target.Owner}/{target.Repo} already has a branch '{branch}'; publishing never overwrites one. " +
                    "Choose another repository name, or remove the existing repository first.");
            }

            log.Info($"Publishing to the local repository {target.Owner}/{target.Repo} at {repository.GitDirectory}");
        }

        var commit = await new WorkspaceCommitAndPush(_git).RunAsync(
            new CommitAndPushRequest(source, remote, branch, message, author) { Credentials = request.Credentials },
            log,
            cancellationToken).ConfigureAwait(false);
        return new PublishGitResult(remote.Url, RepoContentsUrl.Create(remote.Url, branch), commit);
    }

    private (GitRemote? Remote, string? Owner, string? Repo) ResolveTarget(PublishGitRequest request)
    {
        var hasOwnerOrRepo = !string.IsNullOrWhiteSpace(request.Owner) || !string.IsNullOrWhiteSpace(request.Repo);
        var given = new[] { !string.IsNullOrWhiteSpace(request.RemoteUrl), !string.IsNullOrWhiteSpace(request.RepoUrl), hasOwnerOrRepo }.Count(x => x);
        if (given == 0)
        {
            throw new PublishingInputException("publish:git needs a target: remoteUrl, repoUrl, or owner and repo.");
        }

        if (given > 1)
        {
            throw new PublishingInputException("publish:git takes exactly one target: remoteUrl, repoUrl, or owner and repo, not several.");
        }

        if (!string.IsNullOrWhiteSpace(request.RemoteUrl))
        {
            return (GitRemote.Parse(request.RemoteUrl), null, null);
        }

        if (!string.IsNullOrWhiteSpace(request.RepoUrl))
        {
            var repoUrl = Integrations.RepoUrl.Parse(request.RepoUrl, _integrations, out var integration);
            if (integration.Type != ScmProviderType.Local)
            {
                throw new PublishingInputException(
                    $"publish:git publishes to local repositories, but {repoUrl.Host} is configured as a {integration.Type} integration; use the publish action for that provider.");
            }

            Store.PathFor(repoUrl.Owner!, repoUrl.Repo!);
            return (null, repoUrl.Owner, repoUrl.Repo);
        }

        Store.PathFor(request.Owner ?? string.Empty, request.Repo ?? string.Empty);
        return (null, request.Owner, request.Repo);
    }
}
