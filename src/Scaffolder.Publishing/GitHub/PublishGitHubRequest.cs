namespace Scaffolder.Publishing.GitHub;

/// <summary>
/// Inputs of <c>publish:github</c>, named and defaulted as Backstage's action. Not supported: <c>secrets</c>
/// (GitHub needs them sealed with libsodium, which this server does not carry; a request using them is
/// refused before anything is created).
/// </summary>
public sealed record PublishGitHubRequest
{
    public required string WorkspacePath { get; init; }

    /// <summary><c>github.com?owner=&lt;user or org&gt;&amp;repo=&lt;name&gt;</c>.</summary>
    public required string RepoUrl { get; init; }

    public string? Description { get; init; }

    public string? Homepage { get; init; }

    /// <summary><c>&lt;owner&gt;/&lt;team-slug&gt;</c> gives that team admin access; another login becomes an admin collaborator.</summary>
    public string? Access { get; init; }

    /// <summary><c>private</c> (default), <c>internal</c> or <c>public</c>.</summary>
    public string RepoVisibility { get; init; } = "private";

    public string DefaultBranch { get; init; } = "master";

    public bool ProtectDefaultBranch { get; init; } = true;

    public bool ProtectEnforceAdmins { get; init; } = true;

    public bool DeleteBranchOnMerge { get; init; }

    public string? GitCommitMessage { get; init; }

    public string? GitAuthorName { get; init; }

    public string? GitAuthorEmail { get; init; }

    public bool AllowMergeCommit { get; init; } = true;

    public bool AllowSquashMerge { get; init; } = true;

    /// <summary><c>PR_TITLE</c> or <c>COMMIT_OR_PR_TITLE</c> (default).</summary>
    public string SquashMergeCommitTitle { get; init; } = "COMMIT_OR_PR_TITLE";

    /// <summary><c>PR_BODY</c>, <c>COMMIT_MESSAGES</c> (default) or <c>BLANK</c>.</summary>
    public string SquashMergeCommitMessage { get; init; } = "COMMIT_MESSAGES";

    public bool AllowRebaseMerge { get; init; } = true;

    public bool AllowAutoMerge { get; init; }

    public bool AllowUpdateBranch { get; init; }

    public string? SourcePath { get; init; }

    public bool RequireCodeOwnerReviews { get; init; }

    public bool DismissStaleReviews { get; init; }

    public GitHubActorSet? BypassPullRequestAllowances { get; init; }

    public int RequiredApprovingReviewCount { get; init; } = 1;

    public GitHubActorSet? Restrictions { get; init; }

    public IReadOnlyList<string> RequiredStatusCheckContexts { get; init; } = [];

    public bool RequireBranchesToBeUpToDate { get; init; } = true;

    public bool RequiredConversationResolution { get; init; }

    public bool RequireLastPushApproval { get; init; }

    public IReadOnlyList<GitHubCollaborator>? Collaborators { get; init; }

    public bool? HasProjects { get; init; }

    public bool? HasWiki { get; init; }

    public bool? HasIssues { get; init; }

    /// <summary>Overrides the integration's token.</summary>
    public string? Token { get; init; }

    public IReadOnlyList<string>? Topics { get; init; }

    public IReadOnlyDictionary<string, string>? RepoVariables { get; init; }

    /// <summary>Not supported; see the type's remarks.</summary>
    public IReadOnlyDictionary<string, string>? Secrets { get; init; }

    public GitHubOidcCustomization? OidcCustomization { get; init; }

    public bool RequiredCommitSigning { get; init; }

    public bool RequiredLinearHistory { get; init; }

    /// <summary>Organization repositories only; values are strings or string arrays.</summary>
    public IReadOnlyDictionary<string, object>? CustomProperties { get; init; }

    public bool Subscribe { get; init; }
}

/// <summary>
/// One <c>collaborators</c> entry: <see cref="User"/> or <see cref="Team"/> (an entity ref or a plain name) with an
/// access level (<c>pull</c>, <c>triage</c>, <c>push</c>, <c>maintain</c>, <c>admin</c>). <see cref="Username"/> is the deprecated
/// spelling of <see cref="Team"/>.
/// </summary>
public sealed record GitHubCollaborator
{
    public string? User { get; init; }

    public string? Team { get; init; }

    public string? Username { get; init; }

    public required string Access { get; init; }
}

public sealed record GitHubOidcCustomization(bool UseDefault, IReadOnlyList<string>? IncludeClaimKeys = null);

/// <summary>Outputs of <c>publish:github</c>.</summary>
/// <param name="RemoteUrl">The repository's <c>clone_url</c>.</param>
/// <param name="RepoContentsUrl"><c>&lt;html_url&gt;/blob/&lt;defaultBranch&gt;</c>.</param>
/// <param name="CommitHash">The pushed commit.</param>
public sealed record GitHubPublishResult(string RemoteUrl, string RepoContentsUrl, string CommitHash);
