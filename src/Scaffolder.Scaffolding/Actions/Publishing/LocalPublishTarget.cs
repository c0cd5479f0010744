using Scaffolder.Common.Errors;
using Scaffolder.Publishing;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Local;
using Scaffolder.Scaffolding.Actions.Inputs;

namespace Scaffolder.Scaffolding.Actions.Publishing;

/// <summary>Where <c>publish:git</c> will push, worked out from its inputs without touching anything.</summary>
/// <param name="RemoteUrl">The <c>remoteUrl</c> output <c>publish:git</c> will give.</param>
/// <param name="RepoContentsUrl">The <c>repoContentsUrl</c> output <c>publish:git</c> will give.</param>
/// <param name="LocalPath">The repository's folder when it is on this machine.</param>
public sealed record LocalPublishTarget(string RemoteUrl, string RepoContentsUrl, string Branch, string? LocalPath)
{
    /// <summary>Reads <c>repoUrl</c> (a host configured as a <c>Local</c> integration) or <c>remoteUrl</c>, and <c>defaultBranch</c>.</summary>
    public static LocalPublishTarget Resolve(StepInput input, LocalGitPublisher publisher, ScmIntegrations integrations, LocalGitPublisherOptions options)
    {
        var repoUrl = input.String("repoUrl");
        var remoteUrl = input.String("remoteUrl");
        if (string.IsNullOrWhiteSpace(repoUrl) == string.IsNullOrWhiteSpace(remoteUrl))
        {
            throw new InputError($"{input.ActionId}: give exactly one of repoUrl (<host>?owner=<owner>&repo=<repo>) or remoteUrl");
        }

        try
        {
            var branch = GitBranchName.Validate(input.String("defaultBranch") is { Length: > 0 } given ? given : options.DefaultBranch, "default branch");
            if (!string.IsNullOrWhiteSpace(remoteUrl))
            {
                var remote = GitRemote.Parse(remoteUrl);
                var remoteAsUrl = AsUrl(remote.Url);
                return new LocalPublishTarget(remoteAsUrl, Scaffolder.Publishing.Local.RepoContentsUrl.Create(remoteAsUrl, branch), branch, remote.LocalPath);
            }

            var parsed = RepoUrl.Parse(repoUrl, integrations, out var integration);
            if (integration.Type != ScmProviderType.Local)
            {
                throw new InputError(
                    $"{input.ActionId}: repoUrl host {parsed.Host} is configured as a {integration.Type} integration; publish:git publishes to local repositories (hosts configured with Type Local), use publish:{integration.Type.ToString().ToLowerInvariant()} for this one");
            }

            var path = publisher.Store.PathFor(parsed.Owner!, parsed.Repo!);
            var url = GitRemote.Parse(new Uri(path).AbsoluteUri).Url;
            return new LocalPublishTarget(url, Scaffolder.Publishing.Local.RepoContentsUrl.Create(url, branch), branch, path);
        }
        catch (PublishingInputException e)
        {
            throw new InputError($"{input.ActionId}: {e.Message}", e);
        }
    }

    /// <summary>A remote given as a path becomes a <c>file://</c> URL, so its outputs are URLs later steps (catalog:register) can use.</summary>
    public static string AsUrl(string remote) => Path.IsPathFullyQualified(remote) ? new Uri(remote).AbsoluteUri : remote;
}
