namespace Scaffolder.Publishing.Azure;

/// <summary>
/// Inputs of <c>publish:azure</c>, named and defaulted as Backstage's action. <c>description</c> is accepted
/// and, as in Backstage, not sent (the create call takes only a name); <c>signCommit</c> is not supported.
/// </summary>
public sealed record PublishAzureRequest
{
    public required string WorkspacePath { get; init; }

    /// <summary><c>dev.azure.com?organization=&lt;org&gt;&amp;project=&lt;project&gt;&amp;repo=&lt;name&gt;</c>.</summary>
    public required string RepoUrl { get; init; }

    public string? Description { get; init; }

    public string DefaultBranch { get; init; } = "master";

    public string? SourcePath { get; init; }

    /// <summary>A personal access token; overrides the integration's.</summary>
    public string? Token { get; init; }

    public string GitCommitMessage { get; init; } = "initial commit";

    public string? GitAuthorName { get; init; }

    public string? GitAuthorEmail { get; init; }
}

/// <summary>Outputs of <c>publish:azure</c>.</summary>
/// <param name="RemoteUrl">The repository's <c>remoteUrl</c> as Azure DevOps returns it.</param>
/// <param name="RepoContentsUrl">The repository's <c>webUrl</c>.</param>
/// <param name="RepositoryId">The repository's id (a GUID).</param>
/// <param name="CommitHash">The pushed commit.</param>
public sealed record AzurePublishResult(string RemoteUrl, string RepoContentsUrl, string RepositoryId, string CommitHash);
