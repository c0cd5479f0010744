using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.Storage;
using Scaffolder.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary>
/// The README's one command, end to end with the default configuration: the shipped microservice
/// template is registered at start-up, <c>POST /v2/tasks</c> publishes the new service to a bare
/// repository under the product folder's <c>data/repos</c>, and the new component is in the catalog.
/// </summary>
public abstract class MicroserviceTemplateApiTests(DatabaseProvider provider, ITestOutputHelper testOutput) : IAsyncLifetime
{
    /// <summary>The body of the README's curl command.</summary>
    public const string CreateTaskBody = """
        {
          "templateRef": "template:default/microservice",
          "values": {
            "name": "payments-api",
            "description": "Takes payments",
            "owner": "group:default/team-a",
            "system": "commerce",
            "repoUrl": "localhost?owner=team-a&repo=payments-api"
          }
        }
        """;

    private ScaffolderApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await ScaffolderApp.CreateAsync(provider, prepareRoot: root => CopyDirectory(RepositoryPaths.InRepo("templates", "microservice"), Path.Combine(root, "templates", "microservice")));
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Scaffolding_a_microservice_publishes_a_local_repository_and_registers_the_component()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var created = await _client.PostJsonAsync("/api/scaffolder/v2/tasks", CreateTaskBody);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync()}\n{_app.Logs}");
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();

        var task = await WaitUntilFinishedAsync(id);
        testOutput.WriteLine($"POST /v2/tasks to finished (first task of a fresh process, {provider}): {watch.ElapsedMilliseconds} ms");

        var events = (await (await _client.GetAsync($"/api/scaffolder/v2/tasks/{id}/events")).ReadJsonAsync()).AsArray();
        Assert.True(task["status"]!.GetValue<string>() == "completed", $"{task}\n{events.ToJsonString()}\n{_app.Logs}");
        var bare = Path.Combine(_app.Root, "data", "repos", "team-a", "payments-api.git");
        Assert.True(File.Exists(Path.Combine(bare, "HEAD")), $"no bare repository at {bare}");
        var output = events.Single(e => e!["type"]!.GetValue<string>() == "completion")!["body"]!["output"]!;
        Assert.Equal(new Uri(bare).AbsoluteUri, output["links"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("component:default/payments-api", output["links"]![1]!["entityRef"]!.GetValue<string>());

        var components = (await (await _client.GetAsync("/api/catalog/entities?filter=kind=component,metadata.name=payments-api")).ReadJsonAsync()).AsArray();
        var component = Assert.Single(components)!;
        Assert.Equal("group:default/team-a", component["spec"]!["owner"]!.GetValue<string>());
        Assert.Equal("commerce", component["spec"]!["system"]!.GetValue<string>());
        Assert.Equal(
            $"url:{new Uri(bare).AbsoluteUri}/-/blob/main/catalog-info.yaml",
            component["metadata"]!["annotations"]!["backstage.io/managed-by-location"]!.GetValue<string>());
    }

    [Fact]
    public async Task Scaffolding_into_an_existing_repository_fails_the_publish_step_and_registers_nothing_more()
    {
        var first = (await (await _client.PostJsonAsync("/api/scaffolder/v2/tasks", CreateTaskBody)).ReadJsonAsync())["id"]!.GetValue<string>();
        Assert.Equal("completed", (await WaitUntilFinishedAsync(first))["status"]!.GetValue<string>());

        // Different content, so the second commit cannot coincide with the first (same tree, same second)
        // and be accepted as already present.
        var secondBody = CreateTaskBody.Replace("Takes payments", "Takes payments again", StringComparison.Ordinal);
        var second = (await (await _client.PostJsonAsync("/api/scaffolder/v2/tasks", secondBody)).ReadJsonAsync())["id"]!.GetValue<string>();
        var task = await WaitUntilFinishedAsync(second);

        Assert.Equal("failed", task["status"]!.GetValue<string>());
        var events = (await (await _client.GetAsync($"/api/scaffolder/v2/tasks/{second}/events")).ReadJsonAsync()).AsArray();
        var failure = events.Single(e => (string?)e!["body"]!["status"] == "failed")!["body"]!;
        Assert.Equal("publish", failure["stepId"]!.GetValue<string>());
        Assert.Contains("publish:git: ", failure["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(events, e => (string?)e!["body"]!["stepId"] == "register" && (string?)e["body"]!["status"] == "skipped");
        var locations = (await (await _client.GetAsync("/api/catalog/locations")).ReadJsonAsync()).AsArray();
        Assert.Single(locations, l => l!["data"]!["target"]!.GetValue<string>().Contains("payments-api.git", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dry_run_renders_the_skeleton_and_skips_publishing_and_registration()
    {
        var folder = RepositoryPaths.InRepo("templates", "microservice");
        var request = new JsonObject
        {
            ["template"] = YamlDocuments.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "template.yaml"))).Single().Value!.DeepClone(),
            ["values"] = JsonNode.Parse(CreateTaskBody)!["values"]!.DeepClone(),
            ["directoryContents"] = new JsonArray(Directory.EnumerateFiles(Path.Combine(folder, "skeleton"), "*", SearchOption.AllDirectories)
                .Select(f => (JsonNode?)new JsonObject
                {
                    ["path"] = Path.GetRelativePath(folder, f).Replace('\\', '/'),
                    ["base64Content"] = Convert.ToBase64String(File.ReadAllBytes(f)),
                })
                .ToArray()),
        };

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await _client.PostJsonAsync("/api/scaffolder/v2/dry-run", request);
        testOutput.WriteLine($"POST /v2/dry-run (first of a fresh process, {provider}): {watch.ElapsedMilliseconds} ms");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Null(result["error"]);
        var files = result["directoryContents"]!.AsArray().ToDictionary(f => f!["path"]!.GetValue<string>(), f => Encoding.UTF8.GetString(Convert.FromBase64String(f!["base64Content"]!.GetValue<string>())));
        Assert.Contains("src/payments-api/Program.cs", files.Keys);
        Assert.Contains("tests/payments-api.Tests/payments-api.Tests.csproj", files.Keys);
        var planned = new Uri(Path.Combine(_app.Root, "data", "repos", "team-a", "payments-api.git")).AbsoluteUri;
        Assert.Contains($"backstage.io/source-location: \"url:{planned}/-/blob/main/\"", files["catalog-info.yaml"], StringComparison.Ordinal);
        var skipped = result["log"]!.AsArray().Select(l => l!["body"]!).Where(b => (string?)b["status"] == "skipped").Select(b => (string?)b["stepId"]);
        Assert.Equal(["publish", "register"], skipped);
        Assert.False(Directory.Exists(Path.Combine(_app.Root, "data", "repos", "team-a", "payments-api.git")));
    }

    private async Task<JsonNode> WaitUntilFinishedAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var task = await (await _client.GetAsync($"/api/scaffolder/v2/tasks/{id}")).ReadJsonAsync();
            if (task["status"]!.GetValue<string>() is "completed" or "failed")
            {
                return task;
            }

            Assert.True(DateTime.UtcNow < deadline, $"task {id} is still {task["status"]}\n{_app.Logs}");
            await Task.Delay(50);
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}

public sealed class SqliteMicroserviceTemplateApiTests(ITestOutputHelper output) : MicroserviceTemplateApiTests(DatabaseProvider.Sqlite, output);

public sealed class PostgresMicroserviceTemplateApiTests(ITestOutputHelper output) : MicroserviceTemplateApiTests(DatabaseProvider.Postgres, output);
