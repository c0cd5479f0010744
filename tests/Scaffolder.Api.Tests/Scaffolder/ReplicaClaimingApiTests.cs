using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Scaffolder.Support;
using Scaffolder.Storage;
using Scaffolder.Testing;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary>Two replicas on one database: every task runs exactly once, none is lost, secrets travel between them.</summary>
public abstract class ReplicaClaimingApiTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Tasks_submitted_to_two_replicas_on_one_database_each_run_exactly_once()
    {
        var database = await TestDatabases.CreateOptionsAsync(provider);
        var key = ScaffolderTestHost.NewSecretsKey();
        void Shared(Dictionary<string, string?> settings)
        {
            settings["Database:ConnectionString"] = database.ConnectionString;
            settings["Scaffolder:Workers"] = "3";
            settings["Scaffolder:SecretsKey"] = key;
        }

        await using var first = await ScaffolderTestHost.StartAsync(provider, Templates.All, Shared);
        await using var second = await ScaffolderTestHost.StartAsync(provider, Templates.All, Shared);
        var hosts = new[] { first, second };

        var created = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => i % 4 == 3
            ? hosts[i % 2].CreateTaskAsync("secretive", new JsonObject(), new JsonObject { ["token"] = $"secret-number-{i}" })
            : hosts[i % 2].CreateTaskAsync("basic", new JsonObject { ["name"] = "svc" })));
        var finished = await Task.WhenAll(created.Select(id => first.WaitForStatusAsync(id)));

        Assert.All(finished, task => Assert.Equal("completed", task["status"]!.GetValue<string>()));
        var runs = first.Recorder.Runs.Concat(second.Recorder.Runs).ToList();
        foreach (var id in created)
        {
            var firstSteps = runs.Where(r => r.TaskId == id && r.StepId is "greet" or "use").ToList();
            Assert.Single(firstSteps);
        }

        Assert.NotEmpty(first.Recorder.Runs);
        Assert.NotEmpty(second.Recorder.Runs);
        Assert.Equal(
            created.Where((_, i) => i % 4 == 3).Select((_, n) => $"secret-number-{(n * 4) + 3}").Order(StringComparer.Ordinal),
            runs.Where(r => r.StepId == "use").Select(r => r.Input["token"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_replica_without_the_secrets_key_fails_the_task_with_an_actionable_error_instead_of_hanging()
    {
        var database = await TestDatabases.CreateOptionsAsync(provider);
        await using var api = await ScaffolderTestHost.StartAsync(provider, Templates.All, settings =>
        {
            settings["Database:ConnectionString"] = database.ConnectionString;
            settings["Scaffolder:Workers"] = "0";
            settings["Scaffolder:SecretsKey"] = ScaffolderTestHost.NewSecretsKey();
        });
        await using var worker = await ScaffolderTestHost.StartAsync(provider, Templates.All, settings =>
        {
            settings["Database:ConnectionString"] = database.ConnectionString;
            settings["Scaffolder:SecretsKey"] = ScaffolderTestHost.NewSecretsKey();
        });

        var id = await api.CreateTaskAsync("secretive", new JsonObject(), new JsonObject { ["token"] = "unreadable-secret" });
        var task = await api.WaitForStatusAsync(id);

        Assert.Equal("failed", task["status"]!.GetValue<string>());
        var error = (await api.EventsAsync(id)).Last()!["body"]!["error"]!["message"]!.GetValue<string>();
        Assert.Contains("Scaffolder:SecretsKey", error, StringComparison.Ordinal);
        Assert.Empty(worker.Recorder.Runs);
    }
}

public sealed class SqliteReplicaClaimingApiTests() : ReplicaClaimingApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresReplicaClaimingApiTests() : ReplicaClaimingApiTests(DatabaseProvider.Postgres);
