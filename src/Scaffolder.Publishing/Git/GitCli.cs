using System.Text;
using Scaffolder.Publishing.Secrets;

namespace Scaffolder.Publishing.Git;

/// <summary>
/// The git operations publishing needs, run through the real <c>git</c> CLI (see <see cref="GitProcess"/>
/// for how each process is isolated, bounded and redacted).
/// </summary>
public sealed class GitCli
{
    private readonly GitProcess _process;

    public GitCli(GitCliOptions? options = null, SecretRedactor? redactor = null)
    {
        Options = options ?? new GitCliOptions();
        Redactor = redactor ?? new SecretRedactor();
        _process = new GitProcess(Options, Redactor);
    }

    public GitCliOptions Options { get; }

    /// <summary>Secrets masked in every message, on top of the credentials of each call.</summary>
    public SecretRedactor Redactor { get; }

    /// <summary><c>git init</c> with <paramref name="initialBranch"/> as the unborn HEAD (bare when the repository has no work tree).</summary>
    public async Task InitAsync(GitRepository repository, string initialBranch, CancellationToken cancellationToken = default)
    {
        GitBranchName.Validate(initialBranch);
        Directory.CreateDirectory(repository.GitDirectory);
        List<string> arguments = repository.IsBare
            ? ["init", "--quiet", "--bare", $"--initial-branch={initialBranch}", "--", repository.GitDirectory]
            : [.. repository.LocationArguments(), "init", "--quiet", $"--initial-branch={initialBranch}"];
        await RunAsync(new GitInvocation($"git init {repository.GitDirectory}", arguments), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>git add --all</c>: every file of the work tree, honouring <c>.gitignore</c>.</summary>
    public async Task AddAllAsync(GitRepository repository, CancellationToken cancellationToken = default)
    {
        RequireWorkTree(repository);
        await RunAsync(
            new GitInvocation($"git add in {repository.WorkTree}", [.. repository.LocationArguments(), "add", "--all", "--", "."])
            {
                WorkingDirectory = repository.WorkTree,
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Commits the index with <paramref name="author"/> as author and committer; returns the commit hash.</summary>
    public async Task<string> CommitAsync(GitRepository repository, string message, GitIdentity author, CancellationToken cancellationToken = default)
    {
        RequireWorkTree(repository);
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new PublishingInputException("The commit message must not be empty.");
        }

        // The message goes through standard input: no length limit, and a message starting with '-' stays a message.
        await RunAsync(
            new GitInvocation(
                $"git commit in {repository.WorkTree}",
                [.. repository.LocationArguments(), "commit", "--quiet", "--allow-empty", "--no-verify", "--cleanup=verbatim", "--file=-"])
            {
                WorkingDirectory = repository.WorkTree,
                Identity = author,
                StandardInput = message,
            },
            cancellationToken).ConfigureAwait(false);
        return await RevParseAsync(repository, "HEAD", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Pushes <c>HEAD</c> to <c>refs/heads/&lt;branch&gt;</c> of <paramref name="remote"/>. Never forces: a branch
    /// that already holds other history fails with <see cref="GitPushRejectedException"/>.
    /// </summary>
    public async Task PushAsync(
        GitRepository repository,
        GitRemote remote,
        string branch,
        GitCredentials? credentials = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        GitBranchName.Validate(branch);
        var description = $"git push to {remote.Url} (branch '{branch}')";
        try
        {
            await RunAsync(
                new GitInvocation(description, [.. repository.LocationArguments(), "push", "--no-verify", "--", remote.Url, $"HEAD:refs/heads/{branch}"])
                {
                    UsesNetwork = true,
                    Timeout = timeout,
                    Credentials = credentials ?? remote.Credentials,
                    WorkingDirectory = repository.WorkTree ?? repository.GitDirectory,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (GitCommandException e) when (IsRejectedAsDiverged(e.StandardError))
        {
            throw new GitPushRejectedException(
                $"{e.Command} was rejected: the branch '{branch}' already exists there with commits that are not in the pushed history. "
                + "Nothing was overwritten (publishing never force-pushes); choose another repository or branch, or remove the existing one.",
                e.Command,
                e.ExitCode,
                e.StandardError);
        }
    }

    /// <summary><c>git clone</c> of <paramref name="remote"/> into <paramref name="directory"/> (optionally one branch, optionally bare).</summary>
    public async Task CloneAsync(
        GitRemote remote,
        string directory,
        string? branch = null,
        GitCredentials? credentials = null,
        bool bare = false,
        CancellationToken cancellationToken = default)
    {
        var arguments = new List<string> { "clone", "--quiet" };
        if (bare)
        {
            arguments.Add("--bare");
        }

        if (branch is not null)
        {
            arguments.Add($"--branch={GitBranchName.Validate(branch)}");
        }

        arguments.AddRange(["--", remote.Url, Path.GetFullPath(directory)]);
        await RunAsync(
            new GitInvocation($"git clone of {remote.Url}", arguments) { UsesNetwork = true, Credentials = credentials ?? remote.Credentials },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fetches one branch of <paramref name="remote"/> into <paramref name="repository"/>, shallow, as <c>refs/heads/&lt;branch&gt;</c>.</summary>
    public async Task FetchBranchAsync(
        GitRepository repository,
        GitRemote remote,
        string branch,
        GitCredentials? credentials = null,
        CancellationToken cancellationToken = default)
    {
        GitBranchName.Validate(branch);
        await RunAsync(
            new GitInvocation(
                $"git fetch of branch '{branch}' from {remote.Url}",
                [.. repository.LocationArguments(), "fetch", "--quiet", "--depth=1", "--no-tags", "--", remote.Url, $"+refs/heads/{branch}:refs/heads/{branch}"])
            {
                UsesNetwork = true,
                Credentials = credentials ?? remote.Credentials,
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The branch names of <paramref name="remote"/> (<c>git ls-remote --heads</c>).</summary>
    public async Task<IReadOnlyList<string>> ListRemoteBranchesAsync(
        GitRemote remote,
        GitCredentials? credentials = null,
        CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(
            new GitInvocation($"git ls-remote of {remote.Url}", ["ls-remote", "--heads", "--", remote.Url])
            {
                UsesNetwork = true,
                Credentials = credentials ?? remote.Credentials,
            },
            cancellationToken).ConfigureAwait(false);
        return result.StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t', 2))
            .Where(parts => parts.Length == 2 && parts[1].StartsWith("refs/heads/", StringComparison.Ordinal))
            .Select(parts => parts[1]["refs/heads/".Length..])
            .ToList();
    }

    /// <summary>The full hash <paramref name="revision"/> names; fails when it names nothing.</summary>
    public async Task<string> RevParseAsync(GitRepository repository, string revision, CancellationToken cancellationToken = default)
    {
        return await TryRevParseAsync(repository, revision, cancellationToken).ConfigureAwait(false)
            ?? throw new GitCommandException(
                $"git rev-parse in {repository.GitDirectory} failed: '{revision}' does not name a commit.",
                "git rev-parse",
                exitCode: 1,
                standardError: string.Empty,
                timedOut: false);
    }

    /// <summary>The full hash <paramref name="revision"/> names, or null when it names nothing.</summary>
    public async Task<string?> TryRevParseAsync(GitRepository repository, string revision, CancellationToken cancellationToken = default)
    {
        RequireRevision(revision);
        try
        {
            var result = await RunAsync(
                new GitInvocation(
                    $"git rev-parse {revision} in {repository.GitDirectory}",
                    [.. repository.LocationArguments(), "rev-parse", "--verify", "--quiet", "--end-of-options", $"{revision}^{{commit}}"]),
                cancellationToken).ConfigureAwait(false);
            return result.StandardOutput.Trim();
        }
        catch (GitCommandException e) when (e.ExitCode == 1)
        {
            return null;
        }
    }

    /// <summary>The bytes of <paramref name="path"/> at <paramref name="revision"/>, or null when that file does not exist there.</summary>
    public async Task<byte[]?> ShowFileAsync(GitRepository repository, string revision, string path, CancellationToken cancellationToken = default)
    {
        RequireRevision(revision);
        var relative = path.Replace('\\', '/').TrimStart('/');
        if (relative.Length == 0 || relative.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new PublishingInputException($"Invalid file path '{path}' in the repository: use a relative path without '.' or '..' segments.");
        }

        var commit = await TryRevParseAsync(repository, revision, cancellationToken).ConfigureAwait(false);
        if (commit is null)
        {
            return null;
        }

        var spec = $"{commit}:{relative}";
        var type = await RunAsync(
            new GitInvocation($"git cat-file of {relative} in {repository.GitDirectory}", [.. repository.LocationArguments(), "cat-file", "-t", "--", spec]),
            cancellationToken,
            allowFailure: true).ConfigureAwait(false);
        if (type.ExitCode != 0 || type.StandardOutput.Trim() != "blob")
        {
            return null;
        }

        var content = await RunAsync(
            new GitInvocation($"git show of {relative} in {repository.GitDirectory}", [.. repository.LocationArguments(), "cat-file", "blob", "--", spec]),
            cancellationToken).ConfigureAwait(false);
        return content.StandardOutputBytes;
    }

    /// <summary>Reads a single-valued setting of the repository's own configuration, or null when unset.</summary>
    public async Task<string?> GetConfigAsync(GitRepository repository, string key, CancellationToken cancellationToken = default)
    {
        var result = await RunAsync(
            new GitInvocation($"git config {key}", [.. repository.LocationArguments(), "config", "--local", "--get", "--", key]),
            cancellationToken,
            allowFailure: true).ConfigureAwait(false);
        return result.ExitCode == 0 ? result.StandardOutput.TrimEnd('\n') : null;
    }

    internal async Task<GitProcessResult> RunAsync(GitInvocation invocation, CancellationToken cancellationToken, bool allowFailure = false)
    {
        try
        {
            return await _process.RunAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (GitCommandException e) when (allowFailure && e.ExitCode is { } code)
        {
            return new GitProcessResult(code, [], e.StandardError);
        }
    }

    private static void RequireWorkTree(GitRepository repository)
    {
        if (repository.IsBare)
        {
            throw new InvalidOperationException($"{repository.GitDirectory} is a bare repository; this operation needs a work tree.");
        }
    }

    private static void RequireRevision(string revision)
    {
        if (string.IsNullOrWhiteSpace(revision) || revision.StartsWith('-') || revision.Any(char.IsControl))
        {
            throw new PublishingInputException($"Invalid git revision '{revision}'.");
        }
    }

    // "! [rejected] HEAD -> main (fetch first)" / "(non-fast-forward)" in porcelain or human output.
    private static bool IsRejectedAsDiverged(string standardError) =>
        standardError.Contains("[rejected]", StringComparison.Ordinal)
        || standardError.Contains("non-fast-forward", StringComparison.Ordinal)
        || standardError.Contains("fetch first", StringComparison.Ordinal);
}
