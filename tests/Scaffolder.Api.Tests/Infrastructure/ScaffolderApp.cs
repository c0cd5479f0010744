using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scaffolder.Storage;
using Scaffolder.Testing;

namespace Scaffolder.Api.Tests.Infrastructure;

/// <summary>
/// The whole service hosted in-process on a fresh database of the chosen provider, with its own
/// product folder (a temp dir the test fills) as the only readable file root.
/// </summary>
public sealed class ScaffolderApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private ScaffolderApp(Dictionary<string, string?> settings, string root)
    {
        _settings = settings;
        Root = root;
    }

    /// <summary>Everything the service logged (all levels, including secrets checks).</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The product folder: its catalog-info.yaml and templates/ are registered at start-up.</summary>
    public string Root { get; }

    public static async Task<ScaffolderApp> CreateAsync(
        DatabaseProvider provider,
        Action<Dictionary<string, string?>>? configure = null,
        Action<string>? prepareRoot = null)
    {
        var database = await TestDatabases.CreateOptionsAsync(provider);
        var root = Path.Combine(Path.GetTempPath(), "scaffolder-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        prepareRoot?.Invoke(root);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Scaffolder:RootDirectory"] = root,
            ["Catalog:Locations:FileRoots:0"] = root,
            ["Catalog:ProcessingInterval"] = "01:00:00",
            ["Hierarchy:Seed:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft"] = "Warning",
        };
        configure?.Invoke(settings);
        return new ScaffolderApp(settings, root);
    }

    /// <summary>Serves on a real loopback port (for clients outside this process) and returns its base URL.</summary>
    public string StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
    }

    /// <summary>Writes a file under the product folder and returns its absolute path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public static class HttpClientJsonExtensions
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode json) =>
        client.PostJsonAsync(url, json.ToJsonString());

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty JSON body.");
}
