using System.Collections.Concurrent;
using Scaffolder.Storage;
using Scaffolder.Storage.Migrations;
using Scaffolder.Storage.Tasks;
using Scaffolder.Testing;
using Xunit;

namespace Scaffolder.Storage.Tests.Tasks;

public abstract class TaskStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private DatabaseOptions _options = null!;
    private Database _database = null!;
    private TaskStore _store = null!;

    public async Task InitializeAsync()
    {
        _options = await TestDatabases.CreateOptionsAsync(provider);
        _database = Database.Create(_options);
        await MigrationRunner.MigrateAsync(_database);
        _store = new TaskStore(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Created_task_is_open_with_its_steps_open()
    {
        await CreateAsync("t1", createdBy: "user:default/jane", steps: ["fetch", "publish"]);

        var task = await _store.GetAsync("t1");
        Assert.NotNull(task);
        Assert.Equal("open", task.Status);
        Assert.Equal("user:default/jane", task.CreatedBy);
        Assert.Equal(T0, task.CreatedAt);
        Assert.Null(task.LastHeartbeatAt);
        Assert.Equal("""{"apiVersion":"scaffolder.backstage.io/v1beta3"}""", task.SpecJson);
        var steps = await _store.ListStepsAsync("t1");
        Assert.Equal([(0, "fetch", "open"), (1, "publish", "open")], steps.Select(s => (s.Position, s.StepId, s.Status)));
        Assert.Null(await _store.GetAsync("missing"));
    }

    [Fact]
    public async Task Claim_takes_the_oldest_open_task_and_marks_it_processing()
    {
        await CreateAsync("newer", createdAt: T0.AddSeconds(5));
        await CreateAsync("older", createdAt: T0);

        var claimed = await _store.ClaimAsync("token-1", "worker-a", T0.AddSeconds(10));

        Assert.NotNull(claimed);
        Assert.Equal("older", claimed.Id);
        Assert.Equal("token-1", claimed.ClaimToken);
        Assert.Equal(1, claimed.ClaimCount);
        var task = await _store.GetAsync("older");
        Assert.Equal("processing", task!.Status);
        Assert.Equal(T0.AddSeconds(10), task.LastHeartbeatAt);
        Assert.Equal("newer", (await _store.ClaimAsync("token-2", "worker-a", T0.AddSeconds(11)))!.Id);
        Assert.Null(await _store.ClaimAsync("token-3", "worker-a", T0.AddSeconds(12)));
    }

    [Fact]
    public async Task Claim_hands_out_secrets_once_for_tasks_that_cannot_start_over()
    {
        await CreateAsync("plain", secrets: "envelope-1");
        await CreateAsync("recoverable", secrets: "envelope-2", recoverStrategy: "startOver", createdAt: T0.AddSeconds(1));

        var plain = await _store.ClaimAsync("a", "w", T0);
        var recoverable = await _store.ClaimAsync("b", "w", T0);

        Assert.Equal("envelope-1", plain!.SecretsEnvelope);
        Assert.Equal("envelope-2", recoverable!.SecretsEnvelope);
        // A second run of the recoverable task (after recovery) still finds its secrets; the plain one's are gone.
        Assert.True(await _store.RecoverStaleAsync("recoverable", T0, "{}", T0.AddSeconds(1)));
        Assert.Equal("envelope-2", (await _store.ClaimAsync("c", "w", T0.AddSeconds(2)))!.SecretsEnvelope);
        Assert.True(await _store.RetryAsync("plain", null, "{}", T0.AddSeconds(3)));
        Assert.Null((await _store.ClaimAsync("d", "w", T0.AddSeconds(4)))!.SecretsEnvelope);
    }

    [Fact]
    public async Task Concurrent_claimers_on_separate_connections_pools_never_get_the_same_task()
    {
        const int taskCount = 40;
        for (var i = 0; i < taskCount; i++)
        {
            await CreateAsync($"task-{i:D2}", createdAt: T0.AddMilliseconds(i));
        }

        // Separate Database instances stand for separate replicas sharing one database.
        var replicas = Enumerable.Range(0, 4).Select(_ => Database.Create(_options)).ToList();
        var claims = new ConcurrentBag<string>();
        try
        {
            await Task.WhenAll(replicas.SelectMany((replica, r) => Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
            {
                var store = new TaskStore(replica);
                while (await store.ClaimAsync($"token-{r}-{w}-{Guid.NewGuid():N}", $"replica-{r}/worker-{w}", DateTime.UtcNow) is { } claimed)
                {
                    claims.Add(claimed.Id);
                }
            }))));
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }

        Assert.Equal(taskCount, claims.Count);
        Assert.Equal(taskCount, claims.Distinct().Count());
    }

    [Fact]
    public async Task Heartbeat_and_completion_only_count_for_the_run_holding_the_claim()
    {
        await CreateAsync("t1");
        var claim = await _store.ClaimAsync("mine", "w", T0);

        Assert.False(await _store.HeartbeatAsync("t1", "someone-else", T0.AddSeconds(1)));
        Assert.True(await _store.HeartbeatAsync("t1", claim!.ClaimToken, T0.AddSeconds(2)));
        Assert.Equal(T0.AddSeconds(2), (await _store.GetAsync("t1"))!.LastHeartbeatAt);
        Assert.False(await _store.CompleteAsync("t1", "someone-else", "completed", """{"message":"x"}""", T0.AddSeconds(3)));
        Assert.Empty(await _store.ListEventsAsync("t1", null));

        Assert.True(await _store.CompleteAsync("t1", "mine", "completed", """{"message":"Run completed with status: completed"}""", T0.AddSeconds(4)));

        Assert.Equal("completed", (await _store.GetAsync("t1"))!.Status);
        var completion = Assert.Single(await _store.ListEventsAsync("t1", null));
        Assert.Equal("completion", completion.Type);
        Assert.False(await _store.HeartbeatAsync("t1", "mine", T0.AddSeconds(5)));
        Assert.False(await _store.CompleteAsync("t1", "mine", "failed", "{}", T0.AddSeconds(6)));
    }

    [Fact]
    public async Task Events_get_increasing_ids_and_after_always_includes_the_completion()
    {
        await CreateAsync("t1", steps: ["s"]);
        var claim = await _store.ClaimAsync("k", "w", T0);
        var first = await _store.AppendEventAsync("t1", "log", """{"message":"one"}""", T0, new StepTransition(0, "processing", Started: true, Finished: false));
        var second = await _store.AppendEventAsync("t1", "log", """{"message":"two"}""", T0.AddSeconds(1), new StepTransition(0, "completed", Started: false, Finished: true));
        await _store.CompleteAsync("t1", claim!.ClaimToken, "completed", """{"message":"done"}""", T0.AddSeconds(2));

        Assert.True(second > first);
        var all = await _store.ListEventsAsync("t1", null);
        Assert.Equal(["one", "two", "done"], all.Select(e => Message(e.BodyJson)));
        Assert.Equal(T0.AddSeconds(1), all[1].CreatedAt);
        Assert.Equal(["two", "done"], (await _store.ListEventsAsync("t1", first)).Select(e => Message(e.BodyJson)));
        Assert.Equal(["done"], (await _store.ListEventsAsync("t1", all[^1].Id)).Select(e => Message(e.BodyJson)));
        var step = Assert.Single(await _store.ListStepsAsync("t1"));
        Assert.Equal("completed", step.Status);
        Assert.Equal(T0, step.StartedAt);
        Assert.Equal(T0.AddSeconds(1), step.FinishedAt);
    }

    [Fact]
    public async Task A_batch_of_events_is_appended_in_order_with_its_step_moves()
    {
        await CreateAsync("t1", steps: ["a", "b"]);

        var last = await _store.AppendEventsAsync(
            "t1",
            [
                new NewTaskEvent("log", """{"message":"1"}""", new StepTransition(0, "processing", Started: true, Finished: false)),
                new NewTaskEvent("log", """{"message":"2"}"""),
                new NewTaskEvent("log", """{"message":"3"}""", new StepTransition(0, "completed", Started: false, Finished: true)),
                new NewTaskEvent("log", """{"message":"4"}""", new StepTransition(1, "skipped", Started: false, Finished: true)),
            ],
            T0);

        var events = await _store.ListEventsAsync("t1", null);
        Assert.Equal(["1", "2", "3", "4"], events.Select(e => Message(e.BodyJson)));
        Assert.Equal(last, events[^1].Id);
        Assert.Equal(["completed", "skipped"], (await _store.ListStepsAsync("t1")).Select(s => s.Status));
    }

    [Fact]
    public async Task Retry_reopens_the_task_with_new_secrets_and_replaces_cancelled_and_completion_by_recovered()
    {
        await CreateAsync("t1", steps: ["s"]);
        var claim = await _store.ClaimAsync("k", "w", T0);
        await _store.AppendEventAsync("t1", "log", """{"message":"log"}""", T0, new StepTransition(0, "failed", Started: true, Finished: true));
        await _store.AppendEventAsync("t1", "cancelled", """{"message":"cancel"}""", T0);
        await _store.CompleteAsync("t1", claim!.ClaimToken, "failed", """{"message":"failed"}""", T0);

        Assert.True(await _store.RetryAsync("t1", "new-envelope", """{"message":"recovered","recoverStrategy":"none"}""", T0.AddSeconds(1)));

        Assert.Equal("open", (await _store.GetAsync("t1"))!.Status);
        Assert.Equal(["log:log", "recovered:recovered"], (await _store.ListEventsAsync("t1", null)).Select(e => $"{e.Type}:{Message(e.BodyJson)}"));
        Assert.Equal("open", Assert.Single(await _store.ListStepsAsync("t1")).Status);
        Assert.Equal("new-envelope", (await _store.ClaimAsync("k2", "w", T0.AddSeconds(2)))!.SecretsEnvelope);
        Assert.False(await _store.RetryAsync("missing", null, "{}", T0));
    }

    [Fact]
    public async Task Retry_takes_the_task_away_from_the_run_that_held_it()
    {
        await CreateAsync("t1");
        var claim = await _store.ClaimAsync("old-run", "w", T0);

        await _store.RetryAsync("t1", null, "{}", T0.AddSeconds(1));

        Assert.False(await _store.HeartbeatAsync("t1", claim!.ClaimToken, T0.AddSeconds(2)));
        Assert.False(await _store.CompleteAsync("t1", claim.ClaimToken, "completed", "{}", T0.AddSeconds(2)));
        Assert.Equal(2, (await _store.ClaimAsync("new-run", "w", T0.AddSeconds(3)))!.ClaimCount);
    }

    [Fact]
    public async Task Stale_tasks_are_found_by_heartbeat_age_and_either_recovered_or_failed()
    {
        await CreateAsync("fresh", createdAt: T0);
        await CreateAsync("stale-restart", recoverStrategy: "startOver", createdAt: T0.AddSeconds(1), steps: ["a"]);
        await CreateAsync("stale-fail", createdAt: T0.AddSeconds(2), steps: ["a", "b"]);
        await _store.ClaimAsync("k1", "w", T0.AddSeconds(100));
        await _store.ClaimAsync("k2", "w", T0);
        await _store.ClaimAsync("k3", "w", T0);
        await _store.AppendEventAsync("stale-fail", "log", """{"message":"Beginning step a"}""", T0, new StepTransition(0, "processing", Started: true, Finished: false));
        var cutoff = T0.AddSeconds(30);

        var stale = await _store.FindStaleAsync(cutoff);

        Assert.Equal([("stale-fail", "none"), ("stale-restart", "startOver")], stale.Select(s => (s.Id, s.RecoverStrategy)));
        Assert.True(await _store.RecoverStaleAsync("stale-restart", cutoff, """{"recoverStrategy":"startOver"}""", T0.AddSeconds(31)));
        Assert.True(await _store.FailStaleAsync("stale-fail", cutoff, step => $$"""{"message":"stale","stepId":"{{step}}","status":"failed"}""", """{"message":"stale task"}""", T0.AddSeconds(31)));
        Assert.False(await _store.RecoverStaleAsync("fresh", cutoff, "{}", T0.AddSeconds(31)));

        Assert.Equal("open", (await _store.GetAsync("stale-restart"))!.Status);
        Assert.Equal(["recovered"], (await _store.ListEventsAsync("stale-restart", null)).Select(e => e.Type));
        Assert.Equal("failed", (await _store.GetAsync("stale-fail"))!.Status);
        Assert.Equal(["log", "log", "completion"], (await _store.ListEventsAsync("stale-fail", null)).Select(e => e.Type));
        Assert.Equal(["failed", "open"], (await _store.ListStepsAsync("stale-fail")).Select(s => s.Status));
        Assert.Equal("processing", (await _store.GetAsync("fresh"))!.Status);
        Assert.Empty(await _store.FindStaleAsync(cutoff));
    }

    [Fact]
    public async Task List_filters_by_creator_and_status_orders_and_pages_with_a_total()
    {
        await CreateAsync("a", createdBy: "user:default/jane", createdAt: T0);
        await CreateAsync("b", createdBy: "user:default/joe", createdAt: T0.AddSeconds(1));
        await CreateAsync("c", createdBy: "user:default/jane", createdAt: T0.AddSeconds(2));
        await CreateAsync("d", createdBy: null, createdAt: T0.AddSeconds(3));
        await _store.ClaimAsync("k", "w", T0);

        var all = await _store.ListAsync(new TaskListQuery([], [], [], null, null));
        var jane = await _store.ListAsync(new TaskListQuery(["user:default/jane"], [], [], null, null));
        var open = await _store.ListAsync(new TaskListQuery([], ["open"], [new TaskOrder(TaskOrderField.CreatedAt, false)], null, null));
        var page = await _store.ListAsync(new TaskListQuery([], [], [], 2, 1));
        var offsetOnly = await _store.ListAsync(new TaskListQuery([], [], [], null, 3));

        Assert.Equal(["d", "c", "b", "a"], all.Tasks.Select(t => t.Id));
        Assert.Equal(4, all.Total);
        Assert.Equal(["c", "a"], jane.Tasks.Select(t => t.Id));
        Assert.Equal(["b", "c", "d"], open.Tasks.Select(t => t.Id));
        Assert.Equal(["c", "b"], page.Tasks.Select(t => t.Id));
        Assert.Equal(4, page.Total);
        Assert.Equal(["a"], offsetOnly.Tasks.Select(t => t.Id));
    }

    private static string Message(string bodyJson) => System.Text.Json.Nodes.JsonNode.Parse(bodyJson)!["message"]!.GetValue<string>();

    private Task CreateAsync(
        string id,
        string? createdBy = null,
        string[]? steps = null,
        string? secrets = null,
        string recoverStrategy = "none",
        DateTime? createdAt = null) =>
        _store.CreateAsync(new NewTaskRecord(
            id, """{"apiVersion":"scaffolder.backstage.io/v1beta3"}""", recoverStrategy, createdBy, secrets, steps ?? [], createdAt ?? T0));
}

public sealed class SqliteTaskStoreTests() : TaskStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresTaskStoreTests() : TaskStoreTests(DatabaseProvider.Postgres);
