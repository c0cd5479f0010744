namespace Scaffolder.Publishing.Local;

/// <summary>
/// The <c>repoContentsUrl</c> of a repository published by <c>publish:git</c>:
/// <c>&lt;remoteUrl&gt;/-/blob/&lt;branch&gt;</c>, e.g. <c>file:///srv/data/repos/team/svc.git/-/blob/main</c>.
/// <para>
/// Like GitHub's <c>&lt;html_url&gt;/blob/&lt;branch&gt;</c> and GitLab's <c>&lt;url&gt;/-/blob/&lt;branch&gt;</c>,
/// appending a path names a file on that branch, so <c>catalog:register</c> can resolve
/// <c>&lt;repoContentsUrl&gt;/catalog-info.yaml</c> with <see cref="Combine"/> and read it with
/// <see cref="PublishedRepositoryReader"/>. The <c>/-/</c> marker cannot occur in the remote part we
/// produce (repository names exclude it), so splitting is unambiguous; a branch containing <c>/</c>
/// is told apart from the file path by the branches the repository actually has.
/// </para>
/// </summary>
public static class RepoContentsUrl
{
    public const string Marker = "/-/blob/";

    public static string Create(string remoteUrl, string branch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(remoteUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        return remoteUrl.TrimEnd('/') + Marker + branch;
    }

    /// <summary>The URL of <paramref name="path"/> (e.g. <c>/catalog-info.yaml</c> or <c>./docs/x.md</c>) under a contents URL.</summary>
    public static string Combine(string repoContentsUrl, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repoContentsUrl);
        var relative = path.Replace('\\', '/');
        while (relative.StartsWith("./", StringComparison.Ordinal))
        {
            relative = relative[2..];
        }

        return repoContentsUrl.TrimEnd('/') + "/" + relative.TrimStart('/');
    }

    /// <summary>True when <paramref name="url"/> has this shape; <paramref name="branchAndPath"/> is what follows the marker.</summary>
    public static bool TryParse(string? url, out string remoteUrl, out string branchAndPath)
    {
        remoteUrl = string.Empty;
        branchAndPath = string.Empty;
        var index = url?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (url is null || index <= 0)
        {
            return false;
        }

        remoteUrl = url[..index];
        branchAndPath = url[(index + Marker.Length)..];
        return branchAndPath.Length > 0;
    }
}
