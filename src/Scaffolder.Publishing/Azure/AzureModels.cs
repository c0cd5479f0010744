using System.Text.Json.Serialization;

namespace Scaffolder.Publishing.Azure;

/// <summary>The fields of Azure DevOps' <c>GitRepository</c> that publishing reads.</summary>
public sealed record AzureGitRepository(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("remoteUrl")] string? RemoteUrl,
    [property: JsonPropertyName("webUrl")] string? WebUrl,
    [property: JsonPropertyName("defaultBranch")] string? DefaultBranch);
