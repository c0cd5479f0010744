using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary>
/// Bad input reaching the built-in actions through a real task: the task fails, and its event log names
/// the step and says why; nothing is written outside the workspace and nothing is left half-done.
/// (Action behaviour does not depend on the database, so SQLite stands for both.)
/// </summary>
public sealed class ActionBadInputApiTests : IAsyncLifetime
{
    private static readonly int ClosedPort = FindClosedPort();

    private ScaffolderApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await ScaffolderApp.CreateAsync(DatabaseProvider.Sqlite, prepareRoot: root =>
        {
            Write(root, "templates/escape-target/template.yaml", Template("escape-target", """
                    - id: fetch
                      action: fetch:template
                      input:
                        url: ./skeleton
                        targetPath: ../../outside
                """));
            Write(root, "templates/escape-target/skeleton/a.txt", "a");
            Write(root, "templates/escape-skeleton/template.yaml", Template("escape-skeleton", """
                    - id: fetch
                      action: fetch:template
                      input:
                        url: ./skeleton
                        values:
                          folder: ${{ parameters.name }}
                """));
            Write(root, "templates/escape-skeleton/skeleton/${{ values.folder }}/evil.txt", "evil");
            Write(root, "templates/unreachable/template.yaml", Template("unreachable", $"""
                    - id: write
                      action: catalog:write
                      input:
                        entity: {"{"} kind: Component {"}"}
                    - id: publish
                      action: publish:git
                      input:
                        remoteUrl: http://127.0.0.1:{ClosedPort}/team-a/x.git
                    - id: register
                      action: catalog:register
                      input:
                        repoContentsUrl: ${"{{"} steps.publish.output.repoContentsUrl {"}}"}
                """));
        });
        _client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_target_path_outside_the_workspace_fails_the_step_naming_the_input()
    {
        var failure = await RunToFailureAsync("escape-target", new JsonObject());

        Assert.Equal("fetch", failure.StepId);
        Assert.Contains("fetch:template: input 'targetPath'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("outside the workspace", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_skeleton_path_rendering_out_of_the_workspace_fails_the_step_and_writes_nothing()
    {
        var failure = await RunToFailureAsync("escape-skeleton", new JsonObject { ["name"] = "../../../../escaped" });

        Assert.Equal("fetch", failure.StepId);
        Assert.Contains("renders to '../../../../escaped/evil.txt', which is outside the target folder", failure.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(Path.GetTempPath(), "evil.txt", new EnumerationOptions { RecurseSubdirectories = false }));
    }

    [Fact]
    public async Task A_push_to_an_unreachable_remote_fails_fast_and_registers_nothing()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var failure = await RunToFailureAsync("unreachable", new JsonObject());

        Assert.Equal("publish", failure.StepId);
        Assert.Contains("publish:git: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{ClosedPort}", failure.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Contains(failure.Events, e => (string?)e!["body"]!["stepId"] == "register" && (string?)e["body"]!["status"] == "skipped");
        var locations = await (await _client.GetAsync("/api/catalog/locations")).ReadJsonAsync();
        Assert.DoesNotContain(locations.AsArray(), l => l!["data"]!["target"]!.GetValue<string>().Contains("x.git", StringComparison.Ordinal));
    }

    private async Task<(string StepId, string Message, JsonArray Events)> RunToFailureAsync(string template, JsonObject values)
    {
        var created = await _client.PostJsonAsync("/api/scaffolder/v2/tasks", new JsonObject { ["templateRef"] = $"template:default/{template}", ["values"] = values });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync()}\n{_app.Logs}");
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonNode task;
        while ((task = await (await _client.GetAsync($"/api/scaffolder/v2/tasks/{id}")).ReadJsonAsync())["status"]!.GetValue<string>() is not ("completed" or "failed"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"task {id} is still {task["status"]}");
            await Task.Delay(50);
        }

        var events = (await (await _client.GetAsync($"/api/scaffolder/v2/tasks/{id}/events")).ReadJsonAsync()).AsArray();
        Assert.True(task["status"]!.GetValue<string>() == "failed", events.ToJsonString());
        var failed = events.Single(e => (string?)e!["body"]!["status"] == "failed")!["body"]!;
        var completion = events.Single(e => (string?)e!["type"] == "completion")!["body"]!;
        Assert.Contains(completion["error"]!["message"]!.GetValue<string>(), failed["message"]!.GetValue<string>(), StringComparison.Ordinal);
        return (failed["stepId"]!.GetValue<string>(), failed["message"]!.GetValue<string>(), events);
    }

    private static string Template(string name, string steps) => $"""
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: {name}
        spec:
          owner: team-a
          type: service
          parameters:
            - properties:
                name:
                  type: string
          steps:
        {steps}
        """;

    private static void Write(string root, string relativePath, string content)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static int FindClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
