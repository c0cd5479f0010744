using Scaffolder.Publishing.Integrations;

namespace Scaffolder.Publishing.Tests.Integrations;

public sealed class ScmIntegrationsTests
{
    [Theory]
    [InlineData("github.com", ScmProviderType.GitHub, "https://api.github.com/")]
    [InlineData("gitlab.com", ScmProviderType.GitLab, "https://gitlab.com/api/v4/")]
    [InlineData("dev.azure.com", ScmProviderType.Azure, "https://dev.azure.com/")]
    [InlineData("bitbucket.org", ScmProviderType.Bitbucket, "https://api.bitbucket.org/2.0/")]
    public void Public_hosts_are_known_without_configuration(string host, ScmProviderType type, string apiBaseUrl)
    {
        var integration = ScmIntegrations.Default.GetByHost(host);

        Assert.Equal(type, integration.Type);
        Assert.Equal(apiBaseUrl, integration.ResolveApiBaseUrl().AbsoluteUri);
    }

    [Fact]
    public void A_configured_entry_replaces_the_default_for_its_host_and_lookup_ignores_case()
    {
        var integrations = new ScmIntegrations([new ScmIntegration { Host = "github.com", Type = ScmProviderType.GitHub, Token = "t", ApiBaseUrl = "http://127.0.0.1:9/api" }]);

        var integration = integrations.GetByHost("GitHub.com");

        Assert.Equal("t", integration.Token);
        Assert.Equal("http://127.0.0.1:9/api/", integration.ResolveApiBaseUrl().AbsoluteUri);
    }

    [Theory]
    [InlineData(ScmProviderType.GitHub, "https://ghe.example.com/api/v3/")]
    [InlineData(ScmProviderType.GitLab, "https://ghe.example.com/api/v4/")]
    [InlineData(ScmProviderType.Bitbucket, "https://ghe.example.com/rest/api/1.0/")]
    public void Self_hosted_api_roots_follow_the_providers_conventions(ScmProviderType type, string expected) =>
        Assert.Equal(expected, new ScmIntegration { Host = "ghe.example.com", Type = type }.ResolveApiBaseUrl().AbsoluteUri);

    [Fact]
    public void Without_defaults_only_configured_hosts_are_known()
    {
        var integrations = new ScmIntegrations([new ScmIntegration { Host = "local", Type = ScmProviderType.Local }], includeDefaults: false);

        Assert.Null(integrations.FindByHost("github.com"));
        Assert.Single(integrations.All);
    }

    [Fact]
    public void Duplicate_or_url_shaped_hosts_are_configuration_errors()
    {
        Assert.Throws<ArgumentException>(() => new ScmIntegrations(
        [
            new ScmIntegration { Host = "a.example.com", Type = ScmProviderType.GitHub },
            new ScmIntegration { Host = "A.example.com", Type = ScmProviderType.GitLab },
        ]));
        Assert.Throws<ArgumentException>(() => new ScmIntegrations([new ScmIntegration { Host = "https://a.example.com", Type = ScmProviderType.GitHub }]));
    }

    [Fact]
    public void A_non_http_api_base_url_is_reported_with_its_integration()
    {
        var integration = new ScmIntegration { Host = "x.example.com", Type = ScmProviderType.GitLab, ApiBaseUrl = "ftp://x" };

        var error = Assert.Throws<PublishingInputException>(() => integration.ResolveApiBaseUrl());

        Assert.Contains("x.example.com", error.Message, StringComparison.Ordinal);
    }
}
