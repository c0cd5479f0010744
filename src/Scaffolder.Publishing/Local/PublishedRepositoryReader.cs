using System.Text;
using Scaffolder.Publishing.Git;

namespace Scaffolder.Publishing.Local;

/// <summary>
/// Reads a file from a repository through a <see cref="RepoContentsUrl"/>-shaped URL
/// (<c>&lt;remoteUrl&gt;/-/blob/&lt;branch&gt;/&lt;path&gt;</c>): with <c>git show</c> straight from a repository on
/// this machine, or from a shallow fetch of that one branch for a remote one.
/// </summary>
/// <param name="git">Runs the git commands.</param>
/// <param name="localRoot">
/// When set, repositories on this machine are read only below this directory (e.g. the local publisher's
/// repositories root), so a URL cannot point the reader at any other repository the service can see.
/// </param>
public sealed class PublishedRepositoryReader(GitCli git, string? localRoot = null)
{
    private readonly string? _localRoot = localRoot is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(localRoot));

    public static bool CanRead(string url) => RepoContentsUrl.TryParse(url, out _, out _);

    /// <summary>The file's bytes; <see cref="PublishedFileNotFoundException"/> when the branch or file is missing.</summary>
    public async Task<byte[]> ReadFileAsync(string fileUrl, GitCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        if (!RepoContentsUrl.TryParse(fileUrl, out var remoteUrl, out var branchAndPath))
        {
            throw new PublishingInputException($"'{GitRemote.ForDisplay(fileUrl)}' is not a published repository file URL (<remoteUrl>{RepoContentsUrl.Marker}<branch>/<path>).");
        }

        var remote = GitRemote.Parse(remoteUrl);
        if (remote.LocalPath is { } local)
        {
            if (_localRoot is not null && !local.StartsWith(_localRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new PublishingInputException($"'{remote.Url}' is outside {_localRoot}, the only place local repositories are read from.");
            }

            if (!Directory.Exists(local))
            {
                throw new PublishedFileNotFoundException($"There is no repository at {remote.Url}.");
            }
        }

        var branches = await git.ListRemoteBranchesAsync(remote, credentials, cancellationToken).ConfigureAwait(false);

        // The longest branch that prefixes the rest wins: "release/1.0/docs/a.md" is release/1.0 + docs/a.md when that branch exists.
        var branch = branches
            .Where(b => branchAndPath.StartsWith(b + "/", StringComparison.Ordinal))
            .OrderByDescending(b => b.Length)
            .FirstOrDefault();
        if (branch is null)
        {
            throw new PublishedFileNotFoundException(
                branches.Any(b => b == branchAndPath)
                    ? $"'{fileUrl}' names a branch of {remote.Url} but no file in it."
                    : $"No branch of {remote.Url} matches '{branchAndPath}' (branches: {(branches.Count == 0 ? "none" : string.Join(", ", branches))}).");
        }

        var path = branchAndPath[(branch.Length + 1)..];
        var content = remote.LocalPath is { } localPath
            ? await git.ShowFileAsync(OpenLocal(localPath), $"refs/heads/{branch}", path, cancellationToken).ConfigureAwait(false)
            : await ReadRemoteAsync(remote, branch, path, credentials, cancellationToken).ConfigureAwait(false);
        return content ?? throw new PublishedFileNotFoundException($"'{path}' does not exist on branch '{branch}' of {remote.Url}.");
    }

    public async Task<string> ReadTextAsync(string fileUrl, GitCredentials? credentials = null, CancellationToken cancellationToken = default) =>
        Encoding.UTF8.GetString(await ReadFileAsync(fileUrl, credentials, cancellationToken).ConfigureAwait(false));

    private static GitRepository OpenLocal(string path)
    {
        var dotGit = Path.Combine(path, ".git");
        return Directory.Exists(dotGit) ? GitRepository.Separate(dotGit, path) : GitRepository.Bare(path);
    }

    private async Task<byte[]?> ReadRemoteAsync(GitRemote remote, string branch, string path, GitCredentials? credentials, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "scaffolder-read-" + Guid.NewGuid().ToString("N"));
        try
        {
            var repository = GitRepository.Bare(scratch);
            await git.InitAsync(repository, branch, cancellationToken).ConfigureAwait(false);
            await git.FetchBranchAsync(repository, remote, branch, credentials, cancellationToken).ConfigureAwait(false);
            return await git.ShowFileAsync(repository, $"refs/heads/{branch}", path, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ScratchDirectory.TryDelete(scratch);
        }
    }
}
