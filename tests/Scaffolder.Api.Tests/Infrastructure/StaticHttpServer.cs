using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scaffolder.Api.Tests.Infrastructure;

/// <summary>A real HTTP server on a loopback port serving files and redirects the test defines, for <c>url</c> locations.</summary>
public sealed class StaticHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, string? Body, string? Location)> _routes = new(StringComparer.Ordinal);

    private StaticHttpServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public string HostAndPort => new Uri(BaseUrl).Authority;

    public static async Task<StaticHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StaticHttpServer(app);
        app.Run(server.ServeAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public string Serve(string path, string body)
    {
        _routes[path] = (200, body, null);
        return BaseUrl + path;
    }

    public string Redirect(string path, string location)
    {
        _routes[path] = (302, null, location);
        return BaseUrl + path;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task ServeAsync(HttpContext context)
    {
        if (!_routes.TryGetValue(context.Request.Path.Value ?? "/", out var route))
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.StatusCode = route.Status;
        if (route.Location is not null)
        {
            context.Response.Headers.Location = route.Location;
        }

        if (route.Body is not null)
        {
            context.Response.ContentType = "application/yaml";
            await context.Response.WriteAsync(route.Body);
        }
    }
}
