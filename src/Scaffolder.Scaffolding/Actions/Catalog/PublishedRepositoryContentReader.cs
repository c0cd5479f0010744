using Scaffolder.Catalog.Ingestion;
using Scaffolder.Common.Errors;
using Scaffolder.Publishing;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Local;

namespace Scaffolder.Scaffolding.Actions.Catalog;

/// <summary>
/// Lets the catalog read <c>url</c> locations inside repositories on this machine published by
/// <c>publish:git</c> (<c>file:///…/&lt;repo&gt;.git/-/blob/&lt;branch&gt;/&lt;path&gt;</c>), so <c>catalog:register</c>
/// works with its <c>repoContentsUrl</c>. Only repositories under the configured root are readable.
/// </summary>
public sealed class PublishedRepositoryContentReader(PublishedRepositoryReader reader) : IUrlContentReader
{
    public bool CanRead(Uri url) => url.IsFile && PublishedRepositoryReader.CanRead(url.AbsoluteUri);

    public async Task<string> ReadAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadTextAsync(url.AbsoluteUri, cancellationToken: cancellationToken);
        }
        catch (PublishedFileNotFoundException e)
        {
            throw new NotFoundError(e.Message, e);
        }
        catch (PublishingInputException e)
        {
            throw new InputError(e.Message, e);
        }
        catch (GitCommandException e)
        {
            throw new InputError($"Could not read {url.AbsoluteUri}: {e.Message}", e);
        }
    }
}
