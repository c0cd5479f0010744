using System.Text;

namespace Scaffolder.Publishing.Git;

/// <summary>
/// Credentials for git over HTTP(S). They reach git only as an <c>http.extraHeader</c> passed through
/// the environment (never argv, never a URL, never <c>.git/config</c>), and every form of them is
/// known to the redactor via <see cref="Secrets"/>.
/// </summary>
public sealed class GitCredentials
{
    private GitCredentials(string authorizationHeader, IReadOnlyList<string> secrets)
    {
        AuthorizationHeader = authorizationHeader;
        Secrets = secrets;
    }

    /// <summary>The value of the <c>Authorization</c> header, e.g. <c>Basic eDp5</c>.</summary>
    public string AuthorizationHeader { get; }

    /// <summary>Every string that would reveal the credentials: the password and the encoded header.</summary>
    public IReadOnlyList<string> Secrets { get; }

    /// <summary>HTTP basic authentication, as GitHub (<c>x-access-token</c>), GitLab (<c>oauth2</c>) and Azure DevOps expect.</summary>
    public static GitCredentials Basic(string username, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        return new GitCredentials($"Basic {encoded}", [password, encoded]);
    }

    public static GitCredentials Bearer(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new GitCredentials($"Bearer {token}", [token]);
    }

    internal GitCredentials WithSecret(string secret) => new(AuthorizationHeader, [.. Secrets, secret]);

    public override string ToString() => "GitCredentials(***)";
}
