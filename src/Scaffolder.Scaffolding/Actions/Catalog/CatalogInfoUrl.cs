using Scaffolder.Common.Errors;
using Scaffolder.Publishing.Local;

namespace Scaffolder.Scaffolding.Actions.Catalog;

/// <summary>
/// The URL of a file in a published repository, from the <c>repoContentsUrl</c> a publish action
/// output and a path in the repository, resolved the way each provider's URLs work.
/// </summary>
public static class CatalogInfoUrl
{
    public const string DefaultPath = "/catalog-info.yaml";

    /// <summary>
    /// <c>&lt;repoContentsUrl&gt;/&lt;path&gt;</c> for our local repositories and GitHub/GitLab-style
    /// <c>…/blob/&lt;branch&gt;</c> URLs; Azure DevOps web URLs (<c>…/_git/&lt;repo&gt;</c>) take the path as <c>?path=</c>.
    /// </summary>
    public static string Resolve(string repoContentsUrl, string? catalogInfoPath)
    {
        var path = string.IsNullOrWhiteSpace(catalogInfoPath) ? DefaultPath : catalogInfoPath.Trim();
        if (path.Replace('\\', '/').Split('/').Any(segment => segment == ".."))
        {
            throw new InputError($"catalogInfoPath '{path}' must not contain '..'; give the file's path inside the repository");
        }

        if (!Uri.TryCreate(repoContentsUrl, UriKind.Absolute, out var contents))
        {
            throw new InputError($"repoContentsUrl '{repoContentsUrl}' is not an absolute URL");
        }

        if (contents.AbsolutePath.Contains("/_git/", StringComparison.Ordinal) && string.IsNullOrEmpty(contents.Query))
        {
            return $"{repoContentsUrl.TrimEnd('/')}?path={Uri.EscapeDataString("/" + path.TrimStart('/', '.'))}";
        }

        return RepoContentsUrl.Combine(repoContentsUrl, path);
    }
}
