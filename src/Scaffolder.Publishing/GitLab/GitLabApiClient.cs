using System.Text.Json;
using System.Text.Json.Serialization;
using Scaffolder.Publishing.Http;
using Scaffolder.Publishing.Secrets;

namespace Scaffolder.Publishing.GitLab;

/// <summary>How a token is presented to GitLab: a personal/project access token or an OAuth token.</summary>
public enum GitLabTokenKind
{
    /// <summary><c>PRIVATE-TOKEN: &lt;token&gt;</c> (integration tokens).</summary>
    PrivateToken,

    /// <summary><c>Authorization: Bearer &lt;token&gt;</c> (a user's OAuth token given to the action).</summary>
    OAuth,
}

/// <summary>The GitLab REST API v4 endpoints <c>publish:gitlab</c> uses.</summary>
public sealed class GitLabApiClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ScmApiChannel _channel;

    /// <param name="apiBaseUrl">The API root including <c>/api/v4</c>, e.g. <c>https://gitlab.com/api/v4</c>.</param>
    public GitLabApiClient(HttpClient http, Uri apiBaseUrl, string token, GitLabTokenKind kind, ScmApiOptions? options = null, SecretRedactor? redactor = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _channel = new ScmApiChannel(
            http,
            "GitLab",
            apiBaseUrl,
            headers =>
            {
                if (kind == GitLabTokenKind.OAuth)
                {
                    headers.Authorization = new("Bearer", token);
                }
                else
                {
                    headers.Add("PRIVATE-TOKEN", token);
                }
            },
            options ?? new ScmApiOptions(),
            (redactor ?? new SecretRedactor()).With([token]),
            ReadErrorMessage,
            Json);
    }

    /// <summary><c>GET /namespaces/:id</c> with the namespace's full path as id.</summary>
    public Task<GitLabNamespace> GetNamespaceAsync(string path, CancellationToken cancellationToken = default) =>
        _channel.SendAsync<GitLabNamespace>(HttpMethod.Get, $"namespaces/{E(path)}", null, cancellationToken);

    public Task<GitLabUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        _channel.SendAsync<GitLabUser>(HttpMethod.Get, "user", null, cancellationToken);

    public Task<GitLabProject> CreateProjectAsync(GitLabCreateProject body, CancellationToken cancellationToken = default) =>
        _channel.SendAsync<GitLabProject>(HttpMethod.Post, "projects", body, cancellationToken);

    /// <summary><c>POST /projects/:id/members</c>; 50 is the Owner access level.</summary>
    public Task AddProjectMemberAsync(long projectId, long userId, int accessLevel, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(HttpMethod.Post, $"projects/{projectId}/members", new MemberBody(userId, accessLevel), cancellationToken);

    /// <summary><c>POST /projects/:id/repository/branches?branch=&amp;ref=</c>.</summary>
    public Task CreateBranchAsync(long projectId, string branch, string reference, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(HttpMethod.Post, $"projects/{projectId}/repository/branches?branch={E(branch)}&ref={E(reference)}", null, cancellationToken);

    /// <summary><c>POST /projects/:id/protected_branches?name=</c>.</summary>
    public Task ProtectBranchAsync(long projectId, string branch, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(HttpMethod.Post, $"projects/{projectId}/protected_branches?name={E(branch)}", null, cancellationToken);

    /// <summary><c>POST /projects/:id/variables</c>.</summary>
    public Task CreateProjectVariableAsync(long projectId, GitLabProjectVariable variable, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(HttpMethod.Post, $"projects/{projectId}/variables", variable, cancellationToken);

    private static string E(string value) => Uri.EscapeDataString(value);

    /// <summary>
    /// GitLab errors: <c>{"message": "404 Namespace Not Found"}</c>, <c>{"message": {"name": ["has already been taken"]}}</c>,
    /// <c>{"message": ["..."]}</c> or OAuth's <c>{"error": "invalid_token", "error_description": "..."}</c>.
    /// </summary>
    private static string? ReadErrorMessage(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetProperty("message", out var message))
        {
            return message.ValueKind switch
            {
                JsonValueKind.String => message.GetString(),
                JsonValueKind.Array => string.Join("; ", message.EnumerateArray().Select(Flatten)),
                JsonValueKind.Object => string.Join("; ", message.EnumerateObject().Select(p => $"{p.Name} {Flatten(p.Value)}")),
                _ => null,
            };
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            return root.TryGetProperty("error_description", out var description) && description.ValueKind == JsonValueKind.String
                ? $"{error.GetString()}: {description.GetString()}"
                : error.GetString();
        }

        return null;
    }

    private static string Flatten(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Flatten)),
        _ => value.GetRawText(),
    };

    private sealed record MemberBody(
        [property: JsonPropertyName("user_id")] long UserId,
        [property: JsonPropertyName("access_level")] int AccessLevel);
}
