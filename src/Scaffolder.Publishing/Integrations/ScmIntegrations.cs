namespace Scaffolder.Publishing.Integrations;

/// <summary>
/// The configured integrations, looked up by host. Like Backstage, the public hosts (<c>github.com</c>,
/// <c>gitlab.com</c>, <c>dev.azure.com</c>, <c>bitbucket.org</c>) are known even when not configured;
/// a configured entry for one of them replaces the default.
/// </summary>
public sealed class ScmIntegrations
{
    private readonly Dictionary<string, ScmIntegration> _byHost = new(StringComparer.OrdinalIgnoreCase);

    public ScmIntegrations(IEnumerable<ScmIntegration>? configured = null, bool includeDefaults = true)
    {
        foreach (var integration in configured ?? [])
        {
            var host = integration.Host?.Trim();
            if (string.IsNullOrEmpty(host) || host.Contains('/', StringComparison.Ordinal) || host.Contains("://", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Integration host '{integration.Host}' must be a host name (with an optional port), not a URL.", nameof(configured));
            }

            if (!_byHost.TryAdd(host, integration))
            {
                throw new ArgumentException($"The host {host} is configured by more than one integration.", nameof(configured));
            }
        }

        if (includeDefaults)
        {
            foreach (var integration in Defaults())
            {
                _byHost.TryAdd(integration.Host, integration);
            }
        }
    }

    public static ScmIntegrations Default { get; } = new();

    public IReadOnlyCollection<ScmIntegration> All => _byHost.Values;

    public ScmIntegration? FindByHost(string host) => _byHost.GetValueOrDefault(host);

    /// <summary>The integration for <paramref name="host"/>, or Backstage's InputError message when there is none.</summary>
    public ScmIntegration GetByHost(string host) =>
        FindByHost(host) ?? throw new PublishingInputException(
            $"No matching integration configuration for host {host}, please check your integrations config");

    private static IEnumerable<ScmIntegration> Defaults() =>
    [
        new ScmIntegration { Host = "github.com", Type = ScmProviderType.GitHub },
        new ScmIntegration { Host = "gitlab.com", Type = ScmProviderType.GitLab },
        new ScmIntegration { Host = "dev.azure.com", Type = ScmProviderType.Azure },
        new ScmIntegration { Host = "bitbucket.org", Type = ScmProviderType.Bitbucket },
    ];
}
