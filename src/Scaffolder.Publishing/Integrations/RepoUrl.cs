using System.Web;

namespace Scaffolder.Publishing.Integrations;

/// <summary>
/// A scaffolder repo URL, the value RepoUrlPicker produces: <c>&lt;host&gt;?owner=&lt;o&gt;&amp;repo=&lt;r&gt;[&amp;organization=…&amp;workspace=…&amp;project=…]</c>.
/// Parsed as Backstage's <c>parseRepoUrl</c> does: the value is read as <c>https://&lt;value&gt;</c>, and the
/// messages are Backstage's.
/// </summary>
public sealed record RepoUrl
{
    public required string Host { get; init; }

    public string? Owner { get; init; }

    public string? Repo { get; init; }

    public string? Organization { get; init; }

    public string? Workspace { get; init; }

    public string? Project { get; init; }

    /// <summary>The URL as Backstage prints it in its messages (<c>https://host/?owner=…</c>).</summary>
    public required string DisplayUrl { get; init; }

    /// <summary>Reads host and parameters without checking them against any integration.</summary>
    public static RepoUrl Parse(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Contains("://", StringComparison.Ordinal)
            || !Uri.TryCreate("https://" + text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new PublishingInputException(
                $"Invalid repo URL passed to publisher, got {value}, expected <host>?owner=<owner>&repo=<repo>");
        }

        var query = HttpUtility.ParseQueryString(uri.Query);
        return new RepoUrl
        {
            Host = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}",
            Owner = NonEmpty(query["owner"]),
            Repo = NonEmpty(query["repo"]),
            Organization = NonEmpty(query["organization"]),
            Workspace = NonEmpty(query["workspace"]),
            Project = NonEmpty(query["project"]),
            DisplayUrl = uri.AbsoluteUri,
        };
    }

    /// <summary>
    /// Parses <paramref name="value"/>, finds the integration for its host and checks the parameters that
    /// integration's type needs: GitHub and others <c>owner</c>, <c>repo</c>; GitLab <c>owner</c>, <c>repo</c>
    /// unless <c>project</c>; Azure <c>project</c>, <c>repo</c>; Bitbucket <c>project</c>, <c>repo</c>
    /// (+ <c>workspace</c> on bitbucket.org).
    /// </summary>
    public static RepoUrl Parse(string? value, ScmIntegrations integrations, out ScmIntegration integration)
    {
        var parsed = Parse(value);
        integration = integrations.GetByHost(parsed.Host);
        parsed.RequireParametersOf(integration.Type);
        return parsed;
    }

    public static RepoUrl Parse(string? value, ScmIntegrations integrations) => Parse(value, integrations, out _);

    /// <summary>Throws Backstage's <c>missing &lt;param&gt;</c> InputError for the first required parameter that is absent.</summary>
    public void RequireParametersOf(ScmProviderType type)
    {
        switch (type)
        {
            case ScmProviderType.Bitbucket:
                if (Host is "bitbucket.org" or "www.bitbucket.org")
                {
                    Require(Workspace, "workspace");
                }

                Require(Project, "project");
                Require(Repo, "repo");
                break;
            case ScmProviderType.Azure:
                Require(Project, "project");
                Require(Repo, "repo");
                break;
            case ScmProviderType.GitLab when Project is not null:
                break;
            default:
                Require(Repo, "repo");
                Require(Owner, "owner");
                break;
        }
    }

    /// <summary>The <c>projectSlug</c> filter: <c>owner/repo</c>.</summary>
    public string ProjectSlug => $"{Owner}/{Repo}";

    private void Require(string? parameter, string name)
    {
        if (parameter is null)
        {
            throw new PublishingInputException($"Invalid repo URL passed to publisher: {DisplayUrl}, missing {name}");
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
