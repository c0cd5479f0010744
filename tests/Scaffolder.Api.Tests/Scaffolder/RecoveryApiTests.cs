using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Api.Tests.Scaffolder.Support;
using Scaffolder.Scaffolding.Workers;
using Scaffolder.Storage;
using Scaffolder.Storage.Tasks;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary>Heartbeats of running tasks, and what happens to tasks whose worker died.</summary>
public abstract class RecoveryApiTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_running_task_keeps_its_heartbeat_fresh()
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All);
        var id = await host.CreateTaskAsync("slow");
        await host.WaitForEventAsync(id, e => e["body"]!["message"]?.GetValue<string>() == "waiting");

        var first = await HeartbeatAsync(host, id);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var latest = first;
        while (string.CompareOrdinal(latest.Heartbeat, first.Heartbeat) <= 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            latest = await HeartbeatAsync(host, id);
        }

        Assert.Equal("processing", latest.Status);
        Assert.True(string.CompareOrdinal(latest.Heartbeat, first.Heartbeat) > 0, $"{first} then {latest}");
        await host.Client.PostAsync($"/api/scaffolder/v2/tasks/{id}/cancel", null);
        await host.WaitForStatusAsync(id);
    }

    [Fact]
    public async Task Tasks_whose_worker_died_start_over_when_the_template_allows_it_and_fail_otherwise()
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All, settings => settings["Scaffolder:Workers"] = "0");
        var recoverable = await host.CreateTaskAsync("recoverable");
        var plain = await host.CreateTaskAsync("basic", new JsonObject { ["name"] = "orders" });
        var store = host.Service<TaskStore>();

        // A worker claimed both an hour ago, began a step of the plain task, and was never heard of again.
        var longAgo = DateTime.UtcNow.AddHours(-1);
        Assert.NotNull(await store.ClaimAsync("dead-1", "dead-worker", longAgo));
        Assert.NotNull(await store.ClaimAsync("dead-2", "dead-worker", longAgo));
        await store.AppendEventAsync(recoverable, "log", """{"message":"Beginning step greet","stepId":"greet","status":"processing"}""", longAgo, new StepTransition(0, "processing", true, false));
        await store.AppendEventAsync(plain, "log", """{"message":"Beginning step Greet","stepId":"greet","status":"processing"}""", longAgo, new StepTransition(0, "processing", true, false));

        var swept = await host.Service<TaskJanitor>().SweepAsync();

        Assert.Equal((1, 1), swept);
        Assert.Equal("open", (await host.GetTaskAsync(recoverable))["status"]!.GetValue<string>());
        var plainEvents = await host.EventsAsync(plain);
        Assert.Equal("failed", (await host.GetTaskAsync(plain))["status"]!.GetValue<string>());
        Assert.Equal("""{"message":"This task was marked as stale as it exceeded its timeout","stepId":"greet","status":"failed"}""", plainEvents[^2]!["body"]!.ToJsonString());
        Assert.Equal("""{"message":"The task was cancelled because the task worker lost connection to the task broker"}""", plainEvents[^1]!["body"]!.ToJsonString());

        // The recoverable task's history now starts at its recovered event, and it runs again from the start.
        Assert.Empty(await host.EventsAsync(recoverable));
        Assert.True(await host.Service<TaskWorkerPool>().RunOneAsync("live-worker", CancellationToken.None));
        var events = await host.EventsAsync(recoverable);
        Assert.Equal("completed", (await host.GetTaskAsync(recoverable))["status"]!.GetValue<string>());
        Assert.Equal("recovered", events[0]!["type"]!.GetValue<string>());
        Assert.Equal("""{"recoverStrategy":"startOver"}""", events[0]!["body"]!.ToJsonString());
        Assert.All(events, e => Assert.True(e!["isTaskRecoverable"]!.GetValue<bool>()));
        Assert.Equal("completion", events[^1]!["type"]!.GetValue<string>());
        Assert.Equal(1, host.Recorder.Count(recoverable, "test:echo"));
        Assert.False(await host.Service<TaskWorkerPool>().RunOneAsync("live-worker", CancellationToken.None));
    }

    [Fact]
    public async Task A_run_that_loses_its_task_stops_without_writing_an_outcome()
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All);
        var id = await host.CreateTaskAsync("slow");
        await host.WaitForEventAsync(id, e => e["body"]!["message"]?.GetValue<string>() == "waiting");

        // Retrying takes the task away from its current run; the new run must be the only one to finish it.
        await host.Client.PostJsonAsync($"/api/scaffolder/v2/tasks/{id}/retry", "{}");
        await WaitUntilAsync(() => host.Recorder.Count(id, "test:wait") == 2);
        await host.Client.PostAsync($"/api/scaffolder/v2/tasks/{id}/cancel", null);
        await host.WaitForStatusAsync(id);
        await Task.Delay(500);

        var events = await host.EventsAsync(id);
        Assert.Single(events, e => e!["type"]!.GetValue<string>() == "completion");
        Assert.Equal("failed", (await host.GetTaskAsync(id))["status"]!.GetValue<string>());
    }

    private static async Task<(string Status, string Heartbeat)> HeartbeatAsync(ScaffolderTestHost host, string id)
    {
        var task = await host.GetTaskAsync(id);
        return (task["status"]!.GetValue<string>(), task["lastHeartbeatAt"]?.GetValue<string>() ?? string.Empty);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting");
            await Task.Delay(50);
        }
    }
}

public sealed class SqliteRecoveryApiTests() : RecoveryApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresRecoveryApiTests() : RecoveryApiTests(DatabaseProvider.Postgres);
