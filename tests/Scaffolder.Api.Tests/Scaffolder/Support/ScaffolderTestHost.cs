using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder.Support;

/// <summary>
/// The service with the test actions installed and the given templates under <c>templates/</c>, on a
/// fresh database (or on a shared one, to stand for a second replica), with fast heartbeats.
/// </summary>
public sealed class ScaffolderTestHost : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private ScaffolderTestHost(ScaffolderApp app, WebApplicationFactory<Program> factory)
    {
        App = app;
        Factory = factory;
        Client = factory.CreateClient();
        Recorder = factory.Services.GetRequiredService<ActionRecorder>();
    }

    public ScaffolderApp App { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client { get; }

    public ActionRecorder Recorder { get; }

    public string WorkspaceRoot => Path.Combine(App.Root, "workspaces");

    public static string NewSecretsKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<ScaffolderTestHost> StartAsync(
        DatabaseProvider provider,
        IReadOnlyDictionary<string, string> templates,
        Action<Dictionary<string, string?>>? configure = null,
        IReadOnlyDictionary<string, string>? templateFiles = null)
    {
        var app = await ScaffolderApp.CreateAsync(
            provider,
            settings =>
            {
                settings["Scaffolder:Workers"] = "2";
                settings["Scaffolder:HeartbeatInterval"] = "00:00:00.200";
                settings["Scaffolder:PollInterval"] = "00:00:00.200";
                settings["Scaffolder:JanitorInterval"] = "01:00:00";
                configure?.Invoke(settings);
            },
            root =>
            {
                foreach (var (name, yaml) in templates)
                {
                    var path = Path.Combine(root, "templates", name, "template.yaml");
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, yaml);
                }

                foreach (var (relative, content) in templateFiles ?? new Dictionary<string, string>())
                {
                    var path = Path.Combine(root, "templates", relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, content);
                }
            });
        var factory = app.WithWebHostBuilder(builder =>
        {
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(
                new Dictionary<string, string?> { ["Scaffolder:WorkspaceRoot"] = Path.Combine(app.Root, "workspaces") }));
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<ActionRecorder>();
                services.AddSingleton<IScaffolderAction, EchoAction>();
                services.AddSingleton<IScaffolderAction, WriteFileAction>();
                services.AddSingleton<IScaffolderAction, CopyFromTemplateAction>();
                services.AddSingleton<IScaffolderAction, WaitAction>();
                services.AddSingleton<IScaffolderAction, FailAction>();
                services.AddSingleton<IScaffolderAction, UseSecretAction>();
                services.AddSingleton<IScaffolderAction, PublishAction>();
            });
        });
        return new ScaffolderTestHost(app, factory);
    }

    public T Service<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    public async Task<string> CreateTaskAsync(string templateRef, JsonObject? values = null, JsonObject? secrets = null)
    {
        var body = new JsonObject { ["templateRef"] = templateRef, ["values"] = values ?? new JsonObject() };
        if (secrets is not null)
        {
            body["secrets"] = secrets;
        }

        var response = await Client.PostJsonAsync("/api/scaffolder/v2/tasks", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{App.Logs}");
        return (await response.ReadJsonAsync())["id"]!.GetValue<string>();
    }

    public async Task<JsonObject> GetTaskAsync(string id)
    {
        var response = await Client.GetAsync($"/api/scaffolder/v2/tasks/{id}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).AsObject();
    }

    /// <summary>Polls the task until it has one of <paramref name="statuses"/> (default: finished).</summary>
    public async Task<JsonObject> WaitForStatusAsync(string id, params string[] statuses)
    {
        statuses = statuses.Length == 0 ? ["completed", "failed"] : statuses;
        var deadline = DateTime.UtcNow + DefaultTimeout;
        while (true)
        {
            var task = await GetTaskAsync(id);
            var status = task["status"]!.GetValue<string>();
            if (statuses.Contains(status))
            {
                return task;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Task {id} is still {status}.\nEvents: {await EventsAsync(id)}\nLogs:\n{App.Logs}");
            await Task.Delay(50);
        }
    }

    public async Task<JsonArray> EventsAsync(string id, long? after = null)
    {
        var response = await Client.GetAsync($"/api/scaffolder/v2/tasks/{id}/events" + (after is null ? string.Empty : $"?after={after}"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).AsArray();
    }

    /// <summary>Waits until an event matching <paramref name="match"/> has been recorded.</summary>
    public async Task WaitForEventAsync(string id, Func<JsonNode, bool> match)
    {
        var deadline = DateTime.UtcNow + DefaultTimeout;
        while (!(await EventsAsync(id)).Any(e => match(e!)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No such event for task {id}: {await EventsAsync(id)}\n{App.Logs}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await App.DisposeAsync();
    }
}
