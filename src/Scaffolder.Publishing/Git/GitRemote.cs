using System.Text.RegularExpressions;

namespace Scaffolder.Publishing.Git;

/// <summary>
/// A validated push/clone target. Credentials written into an HTTP(S) URL (<c>https://user:pass@host/…</c>)
/// are lifted out into <see cref="Credentials"/>, so <see cref="Url"/> is always safe to log and to store.
/// </summary>
public sealed partial record GitRemote
{
    private GitRemote(string url, GitCredentials? credentials, string? localPath)
    {
        Url = url;
        Credentials = credentials;
        LocalPath = localPath;
    }

    /// <summary>The URL (or absolute path) handed to git, without credentials.</summary>
    public string Url { get; }

    /// <summary>Credentials that were embedded in the URL, if any.</summary>
    public GitCredentials? Credentials { get; }

    /// <summary>The repository's directory when the remote is on this machine (a path or <c>file://</c> URL).</summary>
    public string? LocalPath { get; }

    public bool IsLocal => LocalPath is not null;

    /// <summary>
    /// Accepts an absolute path, <c>file://</c>, <c>http(s)://</c>, <c>ssh://</c>, <c>git://</c> or scp-like
    /// <c>user@host:path</c>. Rejects anything git could read as an option or as a remote helper
    /// (<c>ext::</c> runs commands), relative paths, and line breaks.
    /// </summary>
    public static GitRemote Parse(string? remote)
    {
        if (string.IsNullOrWhiteSpace(remote))
        {
            throw new PublishingInputException("The git remote URL must not be empty.");
        }

        remote = remote.Trim();
        var shown = ForDisplay(remote);
        if (remote.Any(char.IsControl))
        {
            throw new PublishingInputException($"The git remote '{shown.ReplaceLineEndings(" ")}' must not contain control characters or line breaks.");
        }

        if (remote.StartsWith('-'))
        {
            throw new PublishingInputException($"The git remote '{shown}' must not start with '-'.");
        }

        if (RemoteHelperSyntax().IsMatch(remote))
        {
            throw new PublishingInputException($"The git remote '{shown}' uses a remote helper ('<transport>::<address>'), which is not allowed.");
        }

        if (Path.IsPathFullyQualified(remote))
        {
            return new GitRemote(Path.GetFullPath(remote), null, Path.GetFullPath(remote));
        }

        if (ScpLikeSyntax().IsMatch(remote))
        {
            return new GitRemote(remote, null, null);
        }

        if (!Uri.TryCreate(remote, UriKind.Absolute, out var uri))
        {
            throw new PublishingInputException(
                $"The git remote '{shown}' is neither an absolute path nor a git URL (file://, http://, https://, ssh://, git://).");
        }

        switch (uri.Scheme)
        {
            case "file":
                if (!string.IsNullOrEmpty(uri.Host) && !string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
                {
                    throw new PublishingInputException($"The git remote '{shown}' names a file on another host; only local file:// URLs are supported.");
                }

                var path = Path.GetFullPath(uri.LocalPath);
                return new GitRemote(new Uri(path).AbsoluteUri, null, path);
            case "http":
            case "https":
                return FromHttp(uri);
            case "ssh":
            case "git":
                return new GitRemote(WithoutPassword(uri), null, null);
            default:
                throw new PublishingInputException($"The git remote '{shown}' uses the unsupported scheme '{uri.Scheme}'; use file://, http://, https://, ssh:// or git://.");
        }
    }

    /// <summary>The remote with any password in it masked, for messages about a remote that failed to parse.</summary>
    public static string ForDisplay(string remote) => UserInfoPassword().Replace(remote, "://$1:***@");

    public override string ToString() => Url;

    private static GitRemote FromHttp(Uri uri)
    {
        if (string.IsNullOrEmpty(uri.UserInfo))
        {
            return new GitRemote(uri.AbsoluteUri, null, null);
        }

        var parts = uri.UserInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(parts[0]);
        var password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
        var withoutUserInfo = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.AbsoluteUri;

        // "https://<token>@host/..." is the common shape for a bare token: then the user name is the secret.
        GitCredentials? credentials = password.Length > 0
            ? GitCredentials.Basic(user, password)
            : user.Length > 0 ? GitCredentials.Basic(user, "x-oauth-basic").WithSecret(user) : null;
        return new GitRemote(withoutUserInfo, credentials, null);
    }

    private static string WithoutPassword(Uri uri) =>
        uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? new UriBuilder(uri) { Password = string.Empty }.Uri.AbsoluteUri
            : uri.AbsoluteUri;

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*::")]
    private static partial Regex RemoteHelperSyntax();

    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^/\\].*$|^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:/.*$")]
    private static partial Regex ScpLikeSyntax();

    [GeneratedRegex(@"://([^/@:\s]*):([^/@\s]+)@")]
    private static partial Regex UserInfoPassword();
}
