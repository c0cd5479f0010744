using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Scaffolder.Publishing.Tests.Infrastructure;

namespace Scaffolder.Scaffolding.Tests.Support;

/// <summary>An HTTP server answering fixed bodies, redirects or statuses per path, recording the Authorization headers it saw.</summary>
public sealed class StaticFileServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new();
    private TestServerHost? _host;

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public Uri BaseUrl => _host!.BaseUrl;

    public static async Task<StaticFileServer> StartAsync()
    {
        var server = new StaticFileServer();
        server._host = await TestServerHost.StartAsync(app => app.Run(server.HandleAsync));
        return server;
    }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public void Serve(string path, byte[] body) => _routes["/" + path.TrimStart('/')] = c => c.Response.Body.WriteAsync(body).AsTask();

    public void Redirect(string path, Uri to) => _routes["/" + path.TrimStart('/')] = c =>
    {
        c.Response.StatusCode = 302;
        c.Response.Headers.Location = to.AbsoluteUri;
        return Task.CompletedTask;
    };

    public ValueTask DisposeAsync() => _host?.DisposeAsync() ?? ValueTask.CompletedTask;

    private Task HandleAsync(HttpContext context)
    {
        Authorizations.Enqueue(context.Request.Headers.Authorization.FirstOrDefault());
        if (_routes.TryGetValue(context.Request.Path.Value ?? "/", out var handler))
        {
            return handler(context);
        }

        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }
}
