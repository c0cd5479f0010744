using Scaffolder.Publishing.Git;

namespace Scaffolder.Publishing.Workspace;

/// <summary>What to commit and where to push it.</summary>
public sealed record CommitAndPushRequest(
    string SourceDirectory,
    GitRemote Remote,
    string Branch,
    string CommitMessage,
    GitIdentity Author)
{
    public GitCredentials? Credentials { get; init; }
}

/// <summary>
/// Backstage's <c>initRepoAndPush</c>: a fresh repository of the source directory, one commit of
/// everything in it, pushed to the remote. The repository's git directory is kept outside the
/// workspace, so the workspace is left as it was and a <c>.git</c> folder a template put there is
/// neither read nor published.
/// </summary>
public sealed class WorkspaceCommitAndPush(GitCli git)
{
    /// <summary>Returns the hash of the pushed commit.</summary>
    public async Task<string> RunAsync(CommitAndPushRequest request, IPublishLog? log = null, CancellationToken cancellationToken = default)
    {
        log ??= NullPublishLog.Instance;
        GitBranchName.Validate(request.Branch);
        var gitDirectory = Path.Combine(Path.GetTempPath(), "scaffolder-git-" + Guid.NewGuid().ToString("N"));
        try
        {
            var repository = GitRepository.Separate(gitDirectory, request.SourceDirectory);
            await git.InitAsync(repository, request.Branch, cancellationToken).ConfigureAwait(false);
            await git.AddAllAsync(repository, cancellationToken).ConfigureAwait(false);
            var commit = await git.CommitAsync(repository, request.CommitMessage, request.Author, cancellationToken).ConfigureAwait(false);
            log.Info(git.Redactor.Redact($"Pushing commit {commit} to {request.Remote.Url} (branch '{request.Branch}')"));
            await git.PushAsync(repository, request.Remote, request.Branch, request.Credentials, cancellationToken: cancellationToken).ConfigureAwait(false);
            return commit;
        }
        finally
        {
            ScratchDirectory.TryDelete(gitDirectory);
        }
    }
}
