using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Scaffolder.Publishing.Http;
using Scaffolder.Publishing.Secrets;

namespace Scaffolder.Publishing.Azure;

/// <summary>The Azure DevOps Git REST endpoint <c>publish:azure</c> uses (api-version 7.1), authenticated with a personal access token.</summary>
public sealed class AzureDevOpsApiClient
{
    public const string ApiVersion = "7.1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ScmApiChannel _channel;

    /// <param name="apiBaseUrl">The service root, e.g. <c>https://dev.azure.com</c>; the organization is part of each path.</param>
    public AzureDevOpsApiClient(HttpClient http, Uri apiBaseUrl, string personalAccessToken, ScmApiOptions? options = null, SecretRedactor? redactor = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(personalAccessToken);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + personalAccessToken));
        _channel = new ScmApiChannel(
            http,
            "Azure DevOps",
            apiBaseUrl,
            headers => headers.Authorization = new AuthenticationHeaderValue("Basic", basic),
            options ?? new ScmApiOptions(),
            (redactor ?? new SecretRedactor()).With([personalAccessToken, basic]),
            ReadErrorMessage,
            Json);
    }

    /// <summary><c>POST {organization}/{project}/_apis/git/repositories?api-version=7.1</c>.</summary>
    public Task<AzureGitRepository> CreateRepositoryAsync(string organization, string project, string name, CancellationToken cancellationToken = default) =>
        _channel.SendAsync<AzureGitRepository>(
            HttpMethod.Post,
            $"{E(organization)}/{E(project)}/_apis/git/repositories?api-version={ApiVersion}",
            new { name },
            cancellationToken);

    private static string E(string value) => Uri.EscapeDataString(value);

    /// <summary>Azure DevOps errors: <c>{"message": "TF400948: …", "typeKey": "GitRepositoryNameAlreadyExistsException", …}</c>.</summary>
    private static string? ReadErrorMessage(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
            ? message.GetString()
            : null;
}
