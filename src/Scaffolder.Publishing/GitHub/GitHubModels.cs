using System.Text.Json.Serialization;

namespace Scaffolder.Publishing.GitHub;

/// <summary><c>GET /users/{username}</c>: <c>type</c> is <c>User</c> or <c>Organization</c>.</summary>
public sealed record GitHubAccount(
    [property: JsonPropertyName("login")] string Login,
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("type")] string Type)
{
    public bool IsOrganization => string.Equals(Type, "Organization", StringComparison.Ordinal);
}

/// <summary>The fields of GitHub's repository object that publishing reads.</summary>
public sealed record GitHubRepository(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("full_name")] string FullName,
    [property: JsonPropertyName("html_url")] string HtmlUrl,
    [property: JsonPropertyName("clone_url")] string CloneUrl,
    [property: JsonPropertyName("private")] bool Private,
    [property: JsonPropertyName("visibility")] string? Visibility,
    [property: JsonPropertyName("default_branch")] string? DefaultBranch);

/// <summary><c>GET /orgs/{org}/teams/{team_slug}</c>.</summary>
public sealed record GitHubTeam(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("name")] string Name);

/// <summary>Body of <c>POST /orgs/{org}/repos</c> and <c>POST /user/repos</c> (unset fields are left out).</summary>
public sealed record GitHubCreateRepository
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("homepage")]
    public string? Homepage { get; init; }

    [JsonPropertyName("private")]
    public bool Private { get; init; }

    /// <summary>Organization repositories only: <c>public</c>, <c>private</c> or <c>internal</c>.</summary>
    [JsonPropertyName("visibility")]
    public string? Visibility { get; init; }

    [JsonPropertyName("has_issues")]
    public bool? HasIssues { get; init; }

    [JsonPropertyName("has_projects")]
    public bool? HasProjects { get; init; }

    [JsonPropertyName("has_wiki")]
    public bool? HasWiki { get; init; }

    [JsonPropertyName("delete_branch_on_merge")]
    public bool DeleteBranchOnMerge { get; init; }

    [JsonPropertyName("allow_merge_commit")]
    public bool AllowMergeCommit { get; init; }

    [JsonPropertyName("allow_squash_merge")]
    public bool AllowSquashMerge { get; init; }

    [JsonPropertyName("squash_merge_commit_title")]
    public string? SquashMergeCommitTitle { get; init; }

    [JsonPropertyName("squash_merge_commit_message")]
    public string? SquashMergeCommitMessage { get; init; }

    [JsonPropertyName("allow_rebase_merge")]
    public bool AllowRebaseMerge { get; init; }

    [JsonPropertyName("allow_auto_merge")]
    public bool AllowAutoMerge { get; init; }

    [JsonPropertyName("allow_update_branch")]
    public bool AllowUpdateBranch { get; init; }

    /// <summary>Organization repositories only.</summary>
    [JsonPropertyName("custom_properties")]
    public IReadOnlyDictionary<string, object>? CustomProperties { get; init; }
}

/// <summary>
/// Body of <c>PUT /repos/{owner}/{repo}/branches/{branch}/protection</c>. GitHub requires the four
/// top-level keys to be present even when null, so they are always written.
/// </summary>
public sealed record GitHubBranchProtection
{
    [JsonPropertyName("required_status_checks")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public GitHubRequiredStatusChecks? RequiredStatusChecks { get; init; }

    [JsonPropertyName("enforce_admins")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool? EnforceAdmins { get; init; }

    [JsonPropertyName("required_pull_request_reviews")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public GitHubRequiredReviews? RequiredPullRequestReviews { get; init; }

    [JsonPropertyName("restrictions")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public GitHubActorSet? Restrictions { get; init; }

    [JsonPropertyName("required_conversation_resolution")]
    public bool? RequiredConversationResolution { get; init; }

    [JsonPropertyName("required_linear_history")]
    public bool? RequiredLinearHistory { get; init; }
}

public sealed record GitHubRequiredStatusChecks(
    [property: JsonPropertyName("strict")] bool Strict,
    [property: JsonPropertyName("contexts")] IReadOnlyList<string> Contexts);

public sealed record GitHubRequiredReviews
{
    [JsonPropertyName("required_approving_review_count")]
    public int RequiredApprovingReviewCount { get; init; }

    [JsonPropertyName("require_code_owner_reviews")]
    public bool RequireCodeOwnerReviews { get; init; }

    [JsonPropertyName("dismiss_stale_reviews")]
    public bool DismissStaleReviews { get; init; }

    [JsonPropertyName("require_last_push_approval")]
    public bool RequireLastPushApproval { get; init; }

    [JsonPropertyName("bypass_pull_request_allowances")]
    public GitHubActorSet? BypassPullRequestAllowances { get; init; }
}

/// <summary>Users, teams and apps (by login / slug), as branch protection restrictions and bypass allowances list them.</summary>
public sealed record GitHubActorSet
{
    [JsonPropertyName("users")]
    public IReadOnlyList<string> Users { get; init; } = [];

    [JsonPropertyName("teams")]
    public IReadOnlyList<string> Teams { get; init; } = [];

    [JsonPropertyName("apps")]
    public IReadOnlyList<string>? Apps { get; init; }
}
