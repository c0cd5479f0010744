using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Scaffolder.Publishing.Tests.Infrastructure;

/// <summary>
/// A git smart-HTTP server (see <see cref="GitHttpBackend"/>) over the bare repositories in
/// <see cref="ProjectRoot"/>, requiring one exact <c>Authorization</c> header and recording every one it receives.
/// </summary>
public sealed class GitSmartHttpServer : IAsyncDisposable
{
    private readonly TestServerHost _host;

    private GitSmartHttpServer(TestServerHost host, string projectRoot, string? requiredAuthorization, ConcurrentQueue<string?> received)
    {
        _host = host;
        ProjectRoot = projectRoot;
        RequiredAuthorization = requiredAuthorization;
        ReceivedAuthorizationHeaders = received;
    }

    public string ProjectRoot { get; }

    public string? RequiredAuthorization { get; }

    public ConcurrentQueue<string?> ReceivedAuthorizationHeaders { get; }

    public Uri BaseUrl => _host.BaseUrl;

    public string UrlOf(string repositoryPath) => new Uri(BaseUrl, repositoryPath).AbsoluteUri;

    public static async Task<GitSmartHttpServer> StartAsync(string projectRoot, string? requiredAuthorization)
    {
        var received = new ConcurrentQueue<string?>();
        var host = await TestServerHost.StartAsync(app => app.Run(async context =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            received.Enqueue(authorization.Length == 0 ? null : authorization);
            if (requiredAuthorization is not null && authorization != requiredAuthorization)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"git\"";
                return;
            }

            await GitHttpBackend.ServeAsync(context, projectRoot, context.Request.Path.Value!, "tester");
        }));
        return new GitSmartHttpServer(host, projectRoot, requiredAuthorization, received);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
