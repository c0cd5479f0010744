using System.Net;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Api.Tests.Scaffolder.Support;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary>Bad input: refused at creation with a clear 4xx, or a failed task whose events say which step failed and why.</summary>
public abstract class TaskValidationApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ScaffolderTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ScaffolderTestHost.StartAsync(provider, Templates.All, templateFiles: Templates.Files);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_unknown_template_is_not_found()
    {
        var response = await PostAsync("""{"templateRef": "template:default/nope", "values": {}}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("NotFoundError", body["error"]!["name"]!.GetValue<string>());
        Assert.Contains("template:default/nope", body["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNoTasksAsync();
    }

    [Fact]
    public async Task Values_failing_the_schema_answer_400_with_every_violation_and_its_path_as_backstage_does()
    {
        var response = await PostAsync("""{"templateRef": "template:default/basic", "values": {"name": "Not Valid!", "count": "many"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = (await response.ReadJsonAsync()).AsObject();
        Assert.Equal(["errors"], body.Select(p => p.Key));
        var errors = body["errors"]!.AsArray();
        Assert.Equal(["name", "count"], errors.Select(e => e!["path"]![0]!.GetValue<string>()).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["instance.count", "instance.name"], errors.Select(e => e!["property"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Equal(
            ["path", "property", "message", "schema", "instance", "name", "argument", "stack"],
            e!.AsObject().Select(p => p.Key)));
        await AssertNoTasksAsync();
    }

    [Fact]
    public async Task Missing_values_are_validated_as_an_empty_object()
    {
        var response = await PostAsync("""{"templateRef": "template:default/basic"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.ReadJsonAsync())["errors"]!.AsArray());
        Assert.Equal("required", error!["name"]!.GetValue<string>());
        Assert.Equal("instance requires property \"name\"", error["stack"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"values": {}}""", "templateRef")]
    [InlineData("""{"templateRef": "basic", "values": []}""", "values")]
    [InlineData("""{"templateRef": "basic", "values": {"name": "x"}, "secrets": {"a": 1}}""", "secret")]
    [InlineData("""{"templateRef": ":::", "values": {}}""", "")]
    [InlineData("""[1]""", "JSON object")]
    public async Task A_malformed_request_is_an_input_error(string body, string mentioned)
    {
        var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("InputError", json["error"]!["name"]!.GetValue<string>());
        Assert.Contains(mentioned, json["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNoTasksAsync();
    }

    [Fact]
    public async Task A_template_naming_an_action_that_is_not_installed_is_refused_at_creation()
    {
        var response = await PostAsync("""{"templateRef": "template:default/unknown-action", "values": {}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.ReadJsonAsync())["error"]!["message"]!.GetValue<string>();
        Assert.Contains("step mystery", message, StringComparison.Ordinal);
        Assert.Contains("Template action with ID 'acme:does-not-exist' is not registered.", message, StringComparison.Ordinal);
        await AssertNoTasksAsync();
    }

    [Fact]
    public async Task A_step_input_failing_the_action_schema_fails_the_task_naming_the_step_and_the_violation()
    {
        var (task, events) = await RunAsync("bad-input", "input");

        Assert.Equal("failed", task["status"]!.GetValue<string>());
        var failed = events.Single(e => e!["body"]!["status"]?.GetValue<string>() == "failed")!;
        Assert.Equal("bad-input", failed["body"]!["stepId"]!.GetValue<string>());
        Assert.Equal(
            "InputError: Invalid input passed to action test:echo, instance.message is not of a type(s) string",
            failed["body"]!["message"]!.GetValue<string>());
        var completion = events.Last()!["body"]!;
        Assert.Equal("Run completed with status: failed", completion["message"]!.GetValue<string>());
        Assert.Equal("InputError", completion["error"]!["name"]!.GetValue<string>());
        Assert.Equal("Invalid input passed to action test:echo, instance.message is not of a type(s) string", completion["error"]!["message"]!.GetValue<string>());
        Assert.Empty(_host.Recorder.Runs);
    }

    [Fact]
    public async Task An_expression_error_fails_the_step_naming_the_field_and_the_expression()
    {
        var (task, events) = await RunAsync("bad-input", "expression");

        Assert.Equal("failed", task["status"]!.GetValue<string>());
        var failed = events.Single(e => e!["body"]!["status"]?.GetValue<string>() == "failed")!["body"]!;
        Assert.Equal("bad-expression", failed["stepId"]!.GetValue<string>());
        var message = failed["message"]!.GetValue<string>();
        Assert.Equal(
            "InputError: Failed to render step bad-expression of template.yaml: input.message (line 1, column 23): filter not found: no_such_filter in `${{ parameters.mode | no_such_filter }}`",
            message);
    }

    [Fact]
    public async Task An_each_that_resolves_to_nothing_fails_with_backstages_message()
    {
        var (_, events) = await RunAsync("bad-input", "each");

        var failed = events.Single(e => e!["body"]!["status"]?.GetValue<string>() == "failed")!["body"]!;
        Assert.Equal("bad-each", failed["stepId"]!.GetValue<string>());
        Assert.Equal(
            "InputError: Invalid value on action test:echo.each parameter, \"${{ parameters.missing }}\" cannot be resolved to a value",
            failed["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_a_failure_later_steps_are_skipped_unless_their_if_calls_always_or_failure()
    {
        var id = await _host.CreateTaskAsync("failing");
        var task = await _host.WaitForStatusAsync(id);
        var events = await _host.EventsAsync(id);

        Assert.Equal("failed", task["status"]!.GetValue<string>());
        var statuses = events.Where(e => e!["body"]!["status"] is not null)
            .Select(e => $"{e!["body"]!["stepId"]}:{e["body"]!["status"]}").ToList();
        Assert.Equal(
            ["ok:processing", "ok:completed", "boom:processing", "boom:failed", "normal:skipped", "cleanup:processing", "cleanup:completed", "report:processing", "report:completed"],
            statuses);
        Assert.Equal(
            "Skipping step normal because a previous step failed",
            events.Single(e => e!["body"]!["stepId"]?.GetValue<string>() == "normal")!["body"]!["message"]!.GetValue<string>());
        Assert.Equal("Error: the remote is unreachable", events.Single(e => e!["body"]!["status"]?.GetValue<string>() == "failed")!["body"]!["message"]!.GetValue<string>());
        Assert.Equal(["ok", "boom", "cleanup", "report"], _host.Recorder.Runs.Where(r => r.TaskId == id).Select(r => r.StepId));
        Assert.Equal("the remote is unreachable", events.Last()!["body"]!["error"]!["message"]!.GetValue<string>());
        Assert.False(Directory.Exists(Path.Combine(_host.WorkspaceRoot, id)));
    }

    [Fact]
    public async Task A_workspace_that_cannot_be_created_fails_the_task_with_the_reason()
    {
        await using var host = await ScaffolderTestHost.StartAsync(
            provider, Templates.All, workspaceRoot: root => Path.Combine(root, "templates", "basic", "template.yaml", "workspaces"));
        var id = await host.CreateTaskAsync("basic", new JsonObject { ["name"] = "orders" });

        var task = await host.WaitForStatusAsync(id);

        Assert.Equal("failed", task["status"]!.GetValue<string>());
        Assert.StartsWith("The task's workspace could not be created:", (await host.EventsAsync(id)).Last()!["body"]!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<(JsonObject Task, JsonArray Events)> RunAsync(string template, string mode)
    {
        var id = await _host.CreateTaskAsync(template, new JsonObject { ["mode"] = mode });
        var task = await _host.WaitForStatusAsync(id);
        return (task, await _host.EventsAsync(id));
    }

    private Task<HttpResponseMessage> PostAsync(string body) => _host.Client.PostJsonAsync("/api/scaffolder/v2/tasks", body);

    private async Task AssertNoTasksAsync()
    {
        var list = await (await _host.Client.GetAsync("/api/scaffolder/v2/tasks")).ReadJsonAsync();
        Assert.Equal(0, list["totalTasks"]!.GetValue<long>());
    }
}

public sealed class SqliteTaskValidationApiTests() : TaskValidationApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresTaskValidationApiTests() : TaskValidationApiTests(DatabaseProvider.Postgres);
