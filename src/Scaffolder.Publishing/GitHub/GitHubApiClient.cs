using System.Text.Json;
using System.Text.Json.Serialization;
using Scaffolder.Publishing.Http;
using Scaffolder.Publishing.Secrets;

namespace Scaffolder.Publishing.GitHub;

/// <summary>The GitHub REST API endpoints <c>publish:github</c> uses (API version 2022-11-28).</summary>
public sealed class GitHubApiClient
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ScmApiChannel _channel;

    /// <param name="http">A shared client; base address and default headers are not used.</param>
    /// <param name="apiBaseUrl"><c>https://api.github.com</c>, or <c>https://&lt;host&gt;/api/v3</c> for GitHub Enterprise Server.</param>
    public GitHubApiClient(HttpClient http, Uri apiBaseUrl, string token, ScmApiOptions? options = null, SecretRedactor? redactor = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _channel = new ScmApiChannel(
            http,
            "GitHub",
            apiBaseUrl,
            headers =>
            {
                headers.Authorization = new("Bearer", token);
                headers.Add("X-GitHub-Api-Version", "2022-11-28");
                headers.Accept.Add(new("application/vnd.github+json"));
            },
            options ?? new ScmApiOptions(),
            (redactor ?? new SecretRedactor()).With([token]),
            ReadErrorMessage,
            Json);
    }

    public Task<GitHubAccount> GetUserAsync(string username, CancellationToken cancellationToken = default) =>
        _channel.SendAsync<GitHubAccount>(HttpMethod.Get, $"users/{E(username)}", null, cancellationToken);

    public Task<GitHubTeam> GetTeamAsync(string org, string teamSlug, CancellationToken cancellationToken = default) =>
        _channel.SendAsync<GitHubTeam>(HttpMethod.Get, $"orgs/{E(org)}/teams/{E(teamSlug)}", null, cancellationToken);

    public Task<GitHubRepository> CreateOrganizationRepositoryAsync(string org, GitHubCreateRepository body, CancellationToken cancellationToken = default) =>
        _channel.SendAsync<GitHubRepository>(HttpMethod.Post, $"orgs/{E(org)}/repos", body, cancellationToken);

    public Task<GitHubRepository> CreateUserRepositoryAsync(GitHubCreateRepository body, CancellationToken cancellationToken = default) =>
        _channel.SendAsync<GitHubRepository>(HttpMethod.Post, "user/repos", body, cancellationToken);

    /// <summary><c>PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}</c>.</summary>
    public Task AddTeamRepositoryPermissionAsync(string org, string teamSlug, string owner, string repo, string permission, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(HttpMethod.Put, $"orgs/{E(org)}/teams/{E(teamSlug)}/repos/{E(owner)}/{E(repo)}", new { permission }, cancellationToken);

    /// <summary><c>PUT /repos/{owner}/{repo}/collaborators/{username}</c>.</summary>
    public Task AddCollaboratorAsync(string owner, string repo, string username, string permission, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(HttpMethod.Put, $"repos/{E(owner)}/{E(repo)}/collaborators/{E(username)}", new { permission }, cancellationToken);

    /// <summary><c>PUT /repos/{owner}/{repo}/topics</c>.</summary>
    public Task ReplaceTopicsAsync(string owner, string repo, IReadOnlyList<string> names, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(HttpMethod.Put, $"repos/{E(owner)}/{E(repo)}/topics", new { names }, cancellationToken);

    /// <summary><c>POST /repos/{owner}/{repo}/actions/variables</c>.</summary>
    public Task CreateRepositoryVariableAsync(string owner, string repo, string name, string value, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(HttpMethod.Post, $"repos/{E(owner)}/{E(repo)}/actions/variables", new { name, value }, cancellationToken);

    /// <summary><c>PUT /repos/{owner}/{repo}/actions/oidc/customization/sub</c>.</summary>
    public Task SetOidcSubjectClaimAsync(string owner, string repo, bool useDefault, IReadOnlyList<string>? includeClaimKeys, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(
            HttpMethod.Put,
            $"repos/{E(owner)}/{E(repo)}/actions/oidc/customization/sub",
            new OidcCustomization(useDefault, includeClaimKeys),
            cancellationToken);

    /// <summary><c>PUT /repos/{owner}/{repo}/subscription</c> (watch the repository).</summary>
    public Task SubscribeAsync(string owner, string repo, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(HttpMethod.Put, $"repos/{E(owner)}/{E(repo)}/subscription", new { subscribed = true, ignored = false }, cancellationToken);

    /// <summary><c>PUT /repos/{owner}/{repo}/branches/{branch}/protection</c>.</summary>
    public Task UpdateBranchProtectionAsync(string owner, string repo, string branch, GitHubBranchProtection body, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(HttpMethod.Put, $"repos/{E(owner)}/{E(repo)}/branches/{E(branch)}/protection", body, cancellationToken);

    /// <summary><c>POST /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures</c>.</summary>
    public Task RequireSignedCommitsAsync(string owner, string repo, string branch, CancellationToken cancellationToken = default) =>
        _channel.SendAsync(HttpMethod.Post, $"repos/{E(owner)}/{E(repo)}/branches/{E(branch)}/protection/required_signatures", null, cancellationToken);

    private static string E(string segment) => Uri.EscapeDataString(segment);

    /// <summary>GitHub errors: <c>{"message": "...", "errors": [{"resource","field","code","message"}], "documentation_url": ...}</c>.</summary>
    private static string? ReadErrorMessage(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var details = new List<string>();
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray())
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    details.Add(error.GetString()!);
                }
                else if (error.ValueKind == JsonValueKind.Object)
                {
                    details.Add(Text(error, "message") ?? string.Join(' ', new[] { Text(error, "field"), Text(error, "code") }.Where(s => s is not null)));
                }
            }
        }

        return details.Count == 0 ? message.GetString() : $"{message.GetString()} ({string.Join("; ", details)})";
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record OidcCustomization(
        [property: JsonPropertyName("use_default")] bool UseDefault,
        [property: JsonPropertyName("include_claim_keys")] IReadOnlyList<string>? IncludeClaimKeys);
}
