namespace Scaffolder.Publishing.Integrations;

/// <summary>
/// One configured source-control host (Backstage's <c>integrations.&lt;type&gt;[]</c> entry). Settable
/// properties so it binds from configuration.
/// </summary>
public sealed class ScmIntegration
{
    /// <summary>The host as written in repo URLs, e.g. <c>github.com</c> or <c>ghe.example.com:8443</c>.</summary>
    public string Host { get; set; } = string.Empty;

    public ScmProviderType Type { get; set; }

    /// <summary>The REST API root; when unset, the provider's usual root for <see cref="Host"/> (see <see cref="ResolveApiBaseUrl"/>).</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>The token used when an action is not given one.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// The REST API root: GitHub <c>https://api.github.com</c> (Enterprise: <c>https://&lt;host&gt;/api/v3</c>), GitLab
    /// <c>https://&lt;host&gt;/api/v4</c>, Azure DevOps <c>https://&lt;host&gt;</c>, Bitbucket Cloud
    /// <c>https://api.bitbucket.org/2.0</c> (Server: <c>https://&lt;host&gt;/rest/api/1.0</c>).
    /// </summary>
    public Uri ResolveApiBaseUrl()
    {
        var configured = ApiBaseUrl?.Trim();
        var text = !string.IsNullOrEmpty(configured)
            ? configured
            : Type switch
            {
                ScmProviderType.GitHub when IsHost("github.com") => "https://api.github.com",
                ScmProviderType.GitHub => $"https://{Host}/api/v3",
                ScmProviderType.GitLab => $"https://{Host}/api/v4",
                ScmProviderType.Bitbucket when IsHost("bitbucket.org") => "https://api.bitbucket.org/2.0",
                ScmProviderType.Bitbucket => $"https://{Host}/rest/api/1.0",
                _ => $"https://{Host}",
            };
        if (!Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new PublishingInputException($"The API base URL '{text}' of the {Type} integration for host {Host} is not an http(s) URL.");
        }

        return uri;
    }

    public override string ToString() => $"{Type} integration for {Host}";

    private bool IsHost(string host) => string.Equals(Host, host, StringComparison.OrdinalIgnoreCase);
}
