using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Api.Tests.Scaffolder.Support;
using Scaffolder.Scaffolding.Workers;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary>Cancelling a running or waiting task, and retrying a finished one.</summary>
public abstract class TaskCancelRetryApiTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Cancel_stops_the_running_step_promptly_and_the_task_fails_as_backstage_reports_it()
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All);
        var id = await host.CreateTaskAsync("slow");
        await host.WaitForEventAsync(id, e => e["body"]!["message"]?.GetValue<string>() == "waiting");

        var clock = Stopwatch.StartNew();
        var response = await host.Client.PostAsync($"/api/scaffolder/v2/tasks/{id}/cancel", null);
        var task = await host.WaitForStatusAsync(id);
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"cancelled"}""", await response.Content.ReadAsStringAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Cancelling took {clock.Elapsed}");
        Assert.Equal("failed", task["status"]!.GetValue<string>());
        var events = await host.EventsAsync(id);
        var cancelled = events.Single(e => e!["type"]!.GetValue<string>() == "cancelled")!["body"]!;
        Assert.Equal("""{"message":"Step wait has been cancelled.","stepId":"wait","status":"cancelled"}""", cancelled.ToJsonString());
        Assert.Contains(events, e => e!["body"]!["stepId"]?.GetValue<string>() == "wait" && e["body"]!["status"]?.GetValue<string>() == "cancelled");
        var completion = events.Last()!;
        Assert.Equal("completion", completion["type"]!.GetValue<string>());
        Assert.Equal($"Step wait (Wait a while) of task {id} has been cancelled.", completion["body"]!["error"]!["message"]!.GetValue<string>());
        Assert.Equal(0, host.Recorder.Runs.Count(r => r.TaskId == id && r.StepId == "after"));
        Assert.False(Directory.Exists(Path.Combine(host.WorkspaceRoot, id)));
    }

    [Fact]
    public async Task A_task_cancelled_while_open_is_aborted_as_soon_as_it_is_claimed()
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All, settings => settings["Scaffolder:Workers"] = "0");
        var id = await host.CreateTaskAsync("slow");

        var response = await host.Client.PostAsync($"/api/scaffolder/v2/tasks/{id}/cancel", null);
        Assert.True(await host.Service<TaskWorkerPool>().RunOneAsync("test-worker", CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancelled = (await host.EventsAsync(id)).First(e => e!["type"]!.GetValue<string>() == "cancelled")!["body"]!;
        Assert.Equal("""{"message":"Step 0 has been cancelled.","stepId":0,"status":"cancelled"}""", cancelled.ToJsonString());
        Assert.Equal("failed", (await host.GetTaskAsync(id))["status"]!.GetValue<string>());
        Assert.Empty(host.Recorder.Runs);
    }

    [Fact]
    public async Task Retry_answers_201_with_the_same_id_and_runs_the_task_again_from_the_start()
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All);
        var id = await host.CreateTaskAsync("failing");
        await host.WaitForStatusAsync(id);
        var firstRunEvents = await host.EventsAsync(id);

        var response = await host.Client.PostJsonAsync($"/api/scaffolder/v2/tasks/{id}/retry", "{}");
        await host.WaitForEventAsync(id, e => e["type"]!.GetValue<string>() == "completion");
        var task = await host.WaitForStatusAsync(id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(id, (await response.ReadJsonAsync())["id"]!.GetValue<string>());
        Assert.Equal("failed", task["status"]!.GetValue<string>());
        Assert.Equal(2, host.Recorder.Count(id, "test:fail"));
        var events = await host.EventsAsync(id);
        Assert.Single(events, e => e!["type"]!.GetValue<string>() == "completion");
        var recovered = events.Single(e => e!["type"]!.GetValue<string>() == "recovered")!;
        Assert.Equal("""{"recoverStrategy":"none"}""", recovered["body"]!.ToJsonString());
        Assert.True(recovered["id"]!.GetValue<long>() > firstRunEvents.Last()!["id"]!.GetValue<long>());
        Assert.DoesNotContain(events, e => e!["id"]!.GetValue<long>() == firstRunEvents.Last()!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Retry_without_a_body_is_accepted()
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All);
        var id = await host.CreateTaskAsync("basic", new JsonObject { ["name"] = "again" });
        await host.WaitForStatusAsync(id);

        var response = await host.Client.PostAsync($"/api/scaffolder/v2/tasks/{id}/retry", null);
        await host.WaitForEventAsync(id, e => e["type"]!.GetValue<string>() == "completion");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("completed", (await host.WaitForStatusAsync(id))["status"]!.GetValue<string>());
        Assert.Equal(2, host.Recorder.Runs.Count(r => r.TaskId == id && r.StepId == "greet"));
    }

    [Fact]
    public async Task Retry_takes_new_secrets_validated_against_the_secrets_schema()
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All);
        var id = await host.CreateTaskAsync("secretive", new JsonObject(), new JsonObject { ["token"] = "first-token-value" });
        await host.WaitForStatusAsync(id);

        var invalid = await host.Client.PostJsonAsync($"/api/scaffolder/v2/tasks/{id}/retry", """{"secrets": {}}""");
        var valid = await host.Client.PostJsonAsync($"/api/scaffolder/v2/tasks/{id}/retry", """{"secrets": {"token": "second-token-value"}}""");
        await host.WaitForEventAsync(id, e => e["type"]!.GetValue<string>() == "completion");
        await host.WaitForStatusAsync(id);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("secrets.token is required", (await invalid.ReadJsonAsync())["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
        Assert.Equal(
            ["first-token-value", "second-token-value"],
            host.Recorder.Runs.Where(r => r.TaskId == id && r.StepId == "use").Select(r => r.Input["token"]!.GetValue<string>()));
    }
}

public sealed class SqliteTaskCancelRetryApiTests() : TaskCancelRetryApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresTaskCancelRetryApiTests() : TaskCancelRetryApiTests(DatabaseProvider.Postgres);
