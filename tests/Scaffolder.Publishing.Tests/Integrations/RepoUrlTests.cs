using Scaffolder.Publishing.Integrations;

namespace Scaffolder.Publishing.Tests.Integrations;

public sealed class RepoUrlTests
{
    private static readonly ScmIntegrations Integrations = new(
    [
        new ScmIntegration { Host = "ghe.example.com", Type = ScmProviderType.GitHub },
        new ScmIntegration { Host = "gitlab.example.com:8443", Type = ScmProviderType.GitLab },
        new ScmIntegration { Host = "bitbucket.example.com", Type = ScmProviderType.Bitbucket },
        new ScmIntegration { Host = "local", Type = ScmProviderType.Local },
    ]);

    [Fact]
    public void All_parameters_are_read_from_the_query()
    {
        var url = RepoUrl.Parse("dev.azure.com?owner=o&repo=r&organization=org&workspace=w&project=p");

        Assert.Equal("dev.azure.com", url.Host);
        Assert.Equal("o", url.Owner);
        Assert.Equal("r", url.Repo);
        Assert.Equal("org", url.Organization);
        Assert.Equal("w", url.Workspace);
        Assert.Equal("p", url.Project);
        Assert.Equal("o/r", url.ProjectSlug);
    }

    [Fact]
    public void Host_keeps_a_non_default_port_and_is_lower_cased_as_a_browser_url_host()
    {
        var url = RepoUrl.Parse("GitLab.Example.com:8443?owner=group%2Fsub&repo=my+repo");

        Assert.Equal("gitlab.example.com:8443", url.Host);
        Assert.Equal("group/sub", url.Owner);
        Assert.Equal("my repo", url.Repo);
    }

    [Fact]
    public void Absent_and_empty_parameters_are_null()
    {
        var url = RepoUrl.Parse("github.com?owner=&repo=r");

        Assert.Null(url.Owner);
        Assert.Null(url.Project);
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://github.com?owner=o&repo=r")]
    [InlineData("git hub.com?owner=o")]
    [InlineData("?owner=o&repo=r")]
    public void Malformed_values_give_Backstages_invalid_repo_url_message(string value)
    {
        var error = Assert.Throws<PublishingInputException>(() => RepoUrl.Parse(value));

        Assert.StartsWith($"Invalid repo URL passed to publisher, got {value}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_host_gives_Backstages_integration_message()
    {
        var error = Assert.Throws<PublishingInputException>(() => RepoUrl.Parse("git.unknown.org?owner=o&repo=r", Integrations));

        Assert.Equal("No matching integration configuration for host git.unknown.org, please check your integrations config", error.Message);
    }

    [Theory]
    [InlineData("github.com", "missing repo")]
    [InlineData("github.com?owner=o", "missing repo")]
    [InlineData("github.com?repo=r", "missing owner")]
    [InlineData("ghe.example.com?repo=r", "missing owner")]
    [InlineData("gitlab.com?repo=r", "missing owner")]
    [InlineData("dev.azure.com?organization=o&repo=r", "missing project")]
    [InlineData("dev.azure.com?organization=o&project=p", "missing repo")]
    [InlineData("bitbucket.org?project=p&repo=r", "missing workspace")]
    [InlineData("bitbucket.example.com?workspace=w&repo=r", "missing project")]
    [InlineData("local?owner=o", "missing repo")]
    public void Each_provider_requires_its_own_parameters(string value, string missing)
    {
        var error = Assert.Throws<PublishingInputException>(() => RepoUrl.Parse(value, Integrations));

        Assert.StartsWith("Invalid repo URL passed to publisher: https://", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_missing_parameter_message_shows_the_url_as_Backstage_prints_it()
    {
        var error = Assert.Throws<PublishingInputException>(() => RepoUrl.Parse("github.com?owner=o", Integrations));

        Assert.Equal("Invalid repo URL passed to publisher: https://github.com/?owner=o, missing repo", error.Message);
    }

    [Theory]
    [InlineData("github.com?owner=o&repo=r", ScmProviderType.GitHub)]
    [InlineData("gitlab.com?project=123", ScmProviderType.GitLab)]
    [InlineData("gitlab.example.com:8443?owner=g&repo=r", ScmProviderType.GitLab)]
    [InlineData("dev.azure.com?organization=o&project=p&repo=r", ScmProviderType.Azure)]
    [InlineData("bitbucket.org?workspace=w&project=p&repo=r", ScmProviderType.Bitbucket)]
    [InlineData("local?owner=o&repo=r", ScmProviderType.Local)]
    public void Complete_urls_resolve_to_their_integration(string value, ScmProviderType type)
    {
        RepoUrl.Parse(value, Integrations, out var integration);

        Assert.Equal(type, integration.Type);
    }
}
