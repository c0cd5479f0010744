namespace Scaffolder.Publishing.GitLab;

/// <summary>Inputs of <c>publish:gitlab</c>, named and defaulted as Backstage's action.</summary>
public sealed record PublishGitLabRequest
{
    public required string WorkspacePath { get; init; }

    /// <summary><c>gitlab.com?owner=&lt;group or user path&gt;&amp;repo=&lt;project name&gt;</c>.</summary>
    public required string RepoUrl { get; init; }

    public string DefaultBranch { get; init; } = "master";

    /// <summary>Deprecated in Backstage in favour of <see cref="GitLabProjectSettings.Visibility"/>.</summary>
    public string RepoVisibility { get; init; } = "private";

    /// <summary>A directory inside the workspace to publish; the whole workspace when unset.</summary>
    public string? SourcePath { get; init; }

    /// <summary>False is Backstage's <c>sourcePath: false</c>: the project is created empty and nothing is pushed.</summary>
    public bool PushSource { get; init; } = true;

    /// <summary>A user's OAuth token; overrides the integration's token.</summary>
    public string? Token { get; init; }

    public string GitCommitMessage { get; init; } = "initial commit";

    public string? GitAuthorName { get; init; }

    public string? GitAuthorEmail { get; init; }

    /// <summary>Makes the token's user an Owner of the new project, using the integration's token to do so.</summary>
    public bool SetUserAsOwner { get; init; }

    /// <summary>Deprecated in Backstage in favour of <see cref="GitLabProjectSettings.Topics"/>.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    public GitLabProjectSettings? Settings { get; init; }

    public IReadOnlyList<GitLabBranchSettings> Branches { get; init; } = [];

    public IReadOnlyList<GitLabProjectVariable> ProjectVariables { get; init; } = [];
}

/// <summary>One <c>branches</c> entry: create it from <see cref="Ref"/> and/or protect it.</summary>
public sealed record GitLabBranchSettings
{
    public required string Name { get; init; }

    public bool Protect { get; init; }

    public bool Create { get; init; }

    public string Ref { get; init; } = "master";
}

/// <summary>Outputs of <c>publish:gitlab</c>.</summary>
/// <param name="RemoteUrl"><c>http_url_to_repo</c> without its <c>.git</c> suffix.</param>
/// <param name="RepoContentsUrl"><c>&lt;remoteUrl&gt;/-/blob/&lt;defaultBranch&gt;</c>.</param>
/// <param name="ProjectId">GitLab's numeric project id.</param>
/// <param name="CommitHash">The pushed commit; null when <see cref="PublishGitLabRequest.PushSource"/> is false.</param>
/// <param name="Created">Always true: the project was created by this call.</param>
public sealed record GitLabPublishResult(string RemoteUrl, string RepoContentsUrl, long ProjectId, string? CommitHash, bool Created);
