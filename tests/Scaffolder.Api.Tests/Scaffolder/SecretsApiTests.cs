using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Api.Tests.Scaffolder.Support;
using Scaffolder.Scaffolding.Workers;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary>Secrets reach the step inputs that ask for them and nowhere else: not logs, events, task records, errors or responses.</summary>
public abstract class SecretsApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Secret = "tok-7f3a9c2e-secret";

    private ScaffolderTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ScaffolderTestHost.StartAsync(provider, Templates.All);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_secret_is_given_to_the_step_input_that_uses_it()
    {
        var id = await _host.CreateTaskAsync("secretive", new JsonObject(), new JsonObject { ["token"] = Secret });
        await _host.WaitForStatusAsync(id);

        Assert.Equal(Secret, _host.Recorder.Runs.Single(r => r.TaskId == id && r.StepId == "use").Input["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_secret_never_appears_in_events_task_json_errors_output_or_the_service_log()
    {
        var id = await _host.CreateTaskAsync("secretive", new JsonObject { ["fail"] = true }, new JsonObject { ["token"] = Secret });
        await _host.WaitForStatusAsync(id);

        var eventsText = await _host.Client.GetStringAsync($"/api/scaffolder/v2/tasks/{id}/events");
        var streamText = await _host.Client.GetStringAsync($"/api/scaffolder/v2/tasks/{id}/eventstream");
        var taskText = await _host.Client.GetStringAsync($"/api/scaffolder/v2/tasks/{id}");
        var listText = await _host.Client.GetStringAsync("/api/scaffolder/v2/tasks");

        foreach (var text in new[] { eventsText, streamText, taskText, listText, _host.App.Logs.ToString() })
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        }

        var events = JsonNode.Parse(eventsText)!.AsArray();
        Assert.Contains(events, e => e!["body"]!["message"]!.GetValue<string>() == "authenticating with ***");
        Assert.Contains(events, e => e!["body"]!["message"]!.GetValue<string>() == "context secret is ***");
        Assert.Equal("remote rejected token ***", events.Last()!["body"]!["error"]!["message"]!.GetValue<string>());
        Assert.Equal("Error: remote rejected token ***", events.Single(e => e!["body"]!["status"]?.GetValue<string>() == "failed")!["body"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outputs_derived_from_a_secret_are_redacted_in_later_steps_logs_and_the_completion()
    {
        var id = await _host.CreateTaskAsync("secretive", new JsonObject(), new JsonObject { ["token"] = Secret });
        var task = await _host.WaitForStatusAsync(id);
        var events = await _host.EventsAsync(id);

        Assert.Equal("completed", task["status"]!.GetValue<string>());
        Assert.Contains(events, e => e!["body"]!["message"]!.GetValue<string>() == "echo: output was ***");
        Assert.Equal("***", events.Last()!["body"]!["output"]!["text"]![0]!["content"]!.GetValue<string>());
        Assert.DoesNotContain(Secret, _host.App.Logs.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_records_never_hold_a_secret_in_plain_text_and_forget_it_once_the_run_has_started()
    {
        await using var idle = await ScaffolderTestHost.StartAsync(provider, Templates.All, settings => settings["Scaffolder:Workers"] = "0");
        var id = await idle.CreateTaskAsync("secretive", new JsonObject(), new JsonObject { ["token"] = Secret });

        var beforeRun = await RowsAsync(idle, id);
        await idle.Service<TaskWorkerPool>().RunOneAsync("test-worker", CancellationToken.None);
        var afterRun = await RowsAsync(idle, id);

        Assert.DoesNotContain(Secret, beforeRun.Text, StringComparison.Ordinal);
        Assert.StartsWith("v1:", beforeRun.Secrets, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, afterRun.Text, StringComparison.Ordinal);
        Assert.Null(afterRun.Secrets);
        Assert.Equal(Secret, idle.Recorder.Runs.Single(r => r.StepId == "use").Input["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_required_secret_answers_400_naming_it_without_echoing_values()
    {
        var response = await _host.Client.PostJsonAsync(
            "/api/scaffolder/v2/tasks", """{"templateRef": "secretive", "values": {}, "secrets": {"other": "some-other-secret"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("some-other-secret", text, StringComparison.Ordinal);
        var error = Assert.Single(JsonNode.Parse(text)!["errors"]!.AsArray());
        Assert.Equal("secrets.token is required", error!["message"]!.GetValue<string>());
        Assert.Equal("secrets", error["property"]!.GetValue<string>());
    }

    private static async Task<(string Text, string? Secrets)> RowsAsync(ScaffolderTestHost host, string id)
    {
        var database = host.Service<Database>();
        await using var connection = await database.OpenConnectionAsync();
        var task = await connection.QuerySingleAsync<(string Spec, string? Secrets)>("SELECT spec, secrets FROM tasks WHERE id = @id", new { id });
        var bodies = await connection.QueryAsync<string>("SELECT body FROM task_events WHERE task_id = @id", new { id });
        return (task.Spec + "\n" + task.Secrets + "\n" + string.Join("\n", bodies), task.Secrets);
    }
}

public sealed class SqliteSecretsApiTests() : SecretsApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresSecretsApiTests() : SecretsApiTests(DatabaseProvider.Postgres);
