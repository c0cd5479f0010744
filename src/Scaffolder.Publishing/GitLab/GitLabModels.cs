using System.Text.Json.Serialization;

namespace Scaffolder.Publishing.GitLab;

/// <summary><c>GET /namespaces/:id</c>: <c>kind</c> is <c>user</c> or <c>group</c>.</summary>
public sealed record GitLabNamespace(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("full_path")] string? FullPath);

/// <summary><c>GET /user</c>.</summary>
public sealed record GitLabUser(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("username")] string Username);

/// <summary>The fields of GitLab's project object that publishing reads.</summary>
public sealed record GitLabProject(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("path_with_namespace")] string PathWithNamespace,
    [property: JsonPropertyName("http_url_to_repo")] string HttpUrlToRepo,
    [property: JsonPropertyName("web_url")] string WebUrl);

/// <summary>
/// Backstage's <c>settings</c> input: attributes of GitLab's "create project" call, sent as given
/// (they override <c>repoVisibility</c> and <c>topics</c>).
/// </summary>
public sealed record GitLabProjectSettings
{
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    [JsonPropertyName("auto_devops_enabled")]
    public bool? AutoDevopsEnabled { get; init; }

    [JsonPropertyName("ci_config_path")]
    public string? CiConfigPath { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary><c>merge</c>, <c>rebase_merge</c> or <c>ff</c>.</summary>
    [JsonPropertyName("merge_method")]
    public string? MergeMethod { get; init; }

    /// <summary><c>default_off</c>, <c>default_on</c>, <c>never</c> or <c>always</c>.</summary>
    [JsonPropertyName("squash_option")]
    public string? SquashOption { get; init; }

    [JsonPropertyName("topics")]
    public IReadOnlyList<string>? Topics { get; init; }

    /// <summary><c>private</c>, <c>internal</c> or <c>public</c>.</summary>
    [JsonPropertyName("visibility")]
    public string? Visibility { get; init; }

    [JsonPropertyName("only_allow_merge_if_all_discussions_are_resolved")]
    public bool? OnlyAllowMergeIfAllDiscussionsAreResolved { get; init; }

    [JsonPropertyName("only_allow_merge_if_pipeline_succeeds")]
    public bool? OnlyAllowMergeIfPipelineSucceeds { get; init; }

    [JsonPropertyName("allow_merge_on_skipped_pipeline")]
    public bool? AllowMergeOnSkippedPipeline { get; init; }
}

/// <summary>Body of <c>POST /projects</c>.</summary>
public sealed record GitLabCreateProject
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("namespace_id")]
    public required long NamespaceId { get; init; }

    [JsonPropertyName("visibility")]
    public string? Visibility { get; init; }

    [JsonPropertyName("topics")]
    public IReadOnlyList<string>? Topics { get; init; }

    [JsonPropertyName("path")]
    public string? Path { get; init; }

    [JsonPropertyName("auto_devops_enabled")]
    public bool? AutoDevopsEnabled { get; init; }

    [JsonPropertyName("ci_config_path")]
    public string? CiConfigPath { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("merge_method")]
    public string? MergeMethod { get; init; }

    [JsonPropertyName("squash_option")]
    public string? SquashOption { get; init; }

    [JsonPropertyName("only_allow_merge_if_all_discussions_are_resolved")]
    public bool? OnlyAllowMergeIfAllDiscussionsAreResolved { get; init; }

    [JsonPropertyName("only_allow_merge_if_pipeline_succeeds")]
    public bool? OnlyAllowMergeIfPipelineSucceeds { get; init; }

    [JsonPropertyName("allow_merge_on_skipped_pipeline")]
    public bool? AllowMergeOnSkippedPipeline { get; init; }
}

/// <summary>One <c>projectVariables</c> entry (body of <c>POST /projects/:id/variables</c>), with Backstage's defaults.</summary>
public sealed record GitLabProjectVariable
{
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    [JsonPropertyName("value")]
    public required string Value { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary><c>env_var</c> (default) or <c>file</c>.</summary>
    [JsonPropertyName("variable_type")]
    public string VariableType { get; init; } = "env_var";

    [JsonPropertyName("protected")]
    public bool Protected { get; init; }

    [JsonPropertyName("masked")]
    public bool Masked { get; init; }

    [JsonPropertyName("raw")]
    public bool Raw { get; init; }

    [JsonPropertyName("environment_scope")]
    public string EnvironmentScope { get; init; } = "*";
}
