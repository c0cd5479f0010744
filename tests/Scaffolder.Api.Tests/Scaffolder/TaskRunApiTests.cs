using System.Net;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Api.Tests.Scaffolder.Support;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary>A task from creation to completion: events, outputs, the stored task, listing.</summary>
public abstract class TaskRunApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ScaffolderTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ScaffolderTestHost.StartAsync(provider, Templates.All, templateFiles: Templates.Files);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_task_completes_with_its_output_rendered_and_falsy_links_removed()
    {
        var id = await _host.CreateTaskAsync("template:default/basic", new JsonObject { ["name"] = "orders" });

        var task = await _host.WaitForStatusAsync(id);

        Assert.Equal("completed", task["status"]!.GetValue<string>());
        var completion = (await _host.EventsAsync(id)).Last()!;
        Assert.Equal("completion", completion["type"]!.GetValue<string>());
        Assert.Equal("Run completed with status: completed", completion["body"]!["message"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {"links": [{"title": "Repository", "url": "https://example.com/orders"}],
                 "text": [{"title": "Summary", "content": "Hello orders with 2 flavours"}],
                 "count": 1}
                """),
            completion["body"]!["output"]), completion.ToJsonString());
    }

    [Fact]
    public async Task Steps_report_beginning_finishing_and_skipping_in_backstages_log_events()
    {
        var id = await _host.CreateTaskAsync("basic", new JsonObject { ["name"] = "orders" });
        await _host.WaitForStatusAsync(id);

        var events = await _host.EventsAsync(id);

        var lines = events.Where(e => e!["type"]!.GetValue<string>() == "log")
            .Select(e => $"{e!["body"]!["stepId"]}|{e["body"]!["status"]}|{e["body"]!["message"]}").ToList();
        Assert.Equal(
            [
                "||Starting up task with 4 steps",
                "greet|processing|Beginning step Greet",
                "greet||echo: Hello orders",
                "greet|completed|Finished step Greet",
                "write|processing|Beginning step test:write",
                "write|completed|Finished step test:write",
                "loop|processing|Beginning step Loop",
                """loop||Running step each: {"key":"0","value":"vanilla"}""",
                "loop||echo: flavour vanilla",
                """loop||Running step each: {"key":"1","value":"mint"}""",
                "loop||echo: flavour mint",
                "loop|completed|Finished step Loop",
                "never|processing|Beginning step test:echo",
                "never|skipped|Skipping step never because its if condition was false",
            ],
            lines);
        var ids = events.Select(e => e!["id"]!.GetValue<long>()).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.All(events, e => Assert.Equal(id, e!["taskId"]!.GetValue<string>()));
        Assert.All(events, e => Assert.False(e!["isTaskRecoverable"]!.GetValue<bool>()));
        Assert.All(events, e => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", e!["createdAt"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Outputs_feed_later_steps_each_runs_per_item_and_the_workspace_is_removed()
    {
        var id = await _host.CreateTaskAsync("basic", new JsonObject { ["name"] = "orders", ["flavours"] = new JsonArray("a", "b", "c") });
        await _host.WaitForStatusAsync(id);

        var runs = _host.Recorder.Runs.Where(r => r.TaskId == id).ToList();
        Assert.Equal("Hello orders", runs.Single(r => r.StepId == "write").Input["content"]!.GetValue<string>());
        Assert.Equal("orders/README.md", runs.Single(r => r.StepId == "write").Input["path"]!.GetValue<string>());
        Assert.Equal(["flavour a", "flavour b", "flavour c"], runs.Where(r => r.StepId == "loop").Select(r => r.Input["message"]!.GetValue<string>()));
        Assert.DoesNotContain(runs, r => r.StepId == "never");
        Assert.False(Directory.Exists(Path.Combine(_host.WorkspaceRoot, id)));
    }

    [Fact]
    public async Task The_task_has_backstages_shape_with_the_submitted_values_and_template_info()
    {
        var id = await _host.CreateTaskAsync("template:default/basic", new JsonObject { ["name"] = "orders" });
        await _host.WaitForStatusAsync(id);

        var task = await _host.GetTaskAsync(id);

        Assert.Equal(["id", "spec", "status", "lastHeartbeatAt", "createdAt"], task.Select(p => p.Key));
        var spec = task["spec"]!;
        Assert.Equal("scaffolder.backstage.io/v1beta3", spec["apiVersion"]!.GetValue<string>());
        Assert.Equal("""{"name":"orders","count":1,"flavours":["vanilla","mint"]}""", spec["parameters"]!.ToJsonString());
        Assert.Equal(["greet", "write", "loop", "never"], spec["steps"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal(["Greet", "test:write", "Loop", "test:echo"], spec["steps"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal("${{ parameters.count > 5 }}", spec["steps"]![3]!["if"]!.GetValue<string>());
        Assert.Equal("template:default/basic", spec["templateInfo"]!["entityRef"]!.GetValue<string>());
        Assert.Equal(new Uri(Path.Combine(_host.App.Root, "templates", "basic", "template.yaml")).AbsoluteUri, spec["templateInfo"]!["baseUrl"]!.GetValue<string>());
        Assert.Equal("Basic template", spec["templateInfo"]!["entity"]!["metadata"]!["title"]!.GetValue<string>());
        Assert.Equal("{}", spec["user"]!.ToJsonString());
        Assert.Null(task["secrets"]);
        Assert.Null(task["createdBy"]);
    }

    [Fact]
    public async Task Tasks_are_listed_with_filters_order_paging_and_a_total()
    {
        var ids = new List<string>();
        foreach (var name in new[] { "one", "two", "three" })
        {
            ids.Add(await _host.CreateTaskAsync("basic", new JsonObject { ["name"] = name }));
            await _host.WaitForStatusAsync(ids[^1]);
        }

        var failed = await _host.CreateTaskAsync("failing");
        await _host.WaitForStatusAsync(failed);

        var all = await ListAsync("");
        var page = await ListAsync("?limit=2&offset=1");
        var completedAscending = await ListAsync("?status=completed&order=asc:created_at");
        var failedOrCompleted = await ListAsync("?status=failed&status=completed");
        var nobody = await ListAsync("?createdBy=user:default/nobody");

        Assert.Equal(4, all["totalTasks"]!.GetValue<long>());
        Assert.Equal([failed, .. Enumerable.Reverse(ids)], Ids(all));
        Assert.Equal([ids[2], ids[1]], Ids(page));
        Assert.Equal(4, page["totalTasks"]!.GetValue<long>());
        Assert.Equal(ids, Ids(completedAscending));
        Assert.Equal(3, completedAscending["totalTasks"]!.GetValue<long>());
        Assert.Equal(4, Ids(failedOrCompleted).Count);
        Assert.Empty(Ids(nobody));
        Assert.Equal(0, nobody["totalTasks"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("?order=sideways:created_at")]
    [InlineData("?order=asc:name")]
    [InlineData("?limit=-1")]
    [InlineData("?offset=x")]
    [InlineData("?status=sleeping")]
    public async Task Bad_list_parameters_are_input_errors(string query)
    {
        var response = await _host.Client.GetAsync("/api/scaffolder/v2/tasks" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InputError", (await response.ReadJsonAsync())["error"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/events")]
    [InlineData("GET", "/eventstream")]
    [InlineData("POST", "/cancel")]
    [InlineData("POST", "/retry")]
    public async Task An_unknown_task_is_not_found_on_every_task_endpoint(string method, string suffix)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/scaffolder/v2/tasks/no-such-task{suffix}");

        var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("NotFoundError", body["error"]!["name"]!.GetValue<string>());
        Assert.Equal("No task with id 'no-such-task' found", body["error"]!["message"]!.GetValue<string>());
    }

    private async Task<JsonObject> ListAsync(string query)
    {
        var response = await _host.Client.GetAsync("/api/scaffolder/v2/tasks" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).AsObject();
    }

    private static List<string> Ids(JsonObject list) => list["tasks"]!.AsArray().Select(t => t!["id"]!.GetValue<string>()).ToList();
}

public sealed class SqliteTaskRunApiTests() : TaskRunApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresTaskRunApiTests() : TaskRunApiTests(DatabaseProvider.Postgres);
