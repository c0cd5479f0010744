using Scaffolder.Publishing.Git;

namespace Scaffolder.Publishing.Local;

/// <summary>
/// Inputs of <c>publish:git</c>. The target is exactly one of: <see cref="RemoteUrl"/> (any git URL or
/// absolute path); <see cref="RepoUrl"/> (<c>&lt;host&gt;?owner=&amp;repo=</c> for a host configured as a
/// <c>local</c> integration); or <see cref="Owner"/> + <see cref="Repo"/>. The last two publish to the bare
/// repository <c>&lt;root&gt;/&lt;owner&gt;/&lt;repo&gt;.git</c>, created when missing.
/// </summary>
public sealed record PublishGitRequest
{
    /// <summary>The task workspace.</summary>
    public required string WorkspacePath { get; init; }

    /// <summary>A directory inside the workspace to publish instead of the whole workspace.</summary>
    public string? SourcePath { get; init; }

    public string? RemoteUrl { get; init; }

    public string? RepoUrl { get; init; }

    public string? Owner { get; init; }

    public string? Repo { get; init; }

    /// <summary>Defaults to <see cref="LocalGitPublisherOptions.DefaultBranch"/> (<c>main</c>).</summary>
    public string? DefaultBranch { get; init; }

    public string? GitCommitMessage { get; init; }

    public string? GitAuthorName { get; init; }

    public string? GitAuthorEmail { get; init; }

    /// <summary>Credentials for an HTTP(S) remote.</summary>
    public GitCredentials? Credentials { get; init; }
}

/// <summary>Outputs of <c>publish:git</c>.</summary>
/// <param name="RemoteUrl">A clonable URL: <c>file://…/&lt;owner&gt;/&lt;repo&gt;.git</c> for local repositories, else the remote as given (without credentials).</param>
/// <param name="RepoContentsUrl"><c>&lt;remoteUrl&gt;/-/blob/&lt;branch&gt;</c>; see <see cref="Local.RepoContentsUrl"/>.</param>
/// <param name="CommitHash">The pushed commit.</param>
public sealed record PublishGitResult(string RemoteUrl, string RepoContentsUrl, string CommitHash);
