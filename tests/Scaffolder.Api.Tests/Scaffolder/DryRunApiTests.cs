using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Api.Tests.Scaffolder.Support;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary><c>POST /v2/dry-run</c>: a template from the request run in a throwaway workspace, nothing stored.</summary>
public abstract class DryRunApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ScaffolderTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ScaffolderTestHost.StartAsync(provider, Templates.All);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_dry_run_uses_the_given_files_as_the_template_folder_and_returns_log_files_output_and_steps()
    {
        var response = await DryRunAsync(Templates.Publishing, """{"name": "orders"}""", [("skeleton/app.txt", "hello from the request\n")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.ReadJsonAsync()).AsObject();
        Assert.Equal(["log", "directoryContents", "output", "steps"], result.Select(p => p.Key));
        var files = result["directoryContents"]!.AsArray().ToDictionary(f => f!["path"]!.GetValue<string>());
        Assert.Equal(["run.sh", "skeleton/app.txt"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("hello from the request\n", Decode(files["skeleton/app.txt"]!));
        Assert.False(files["skeleton/app.txt"]!["executable"]!.GetValue<bool>());
        Assert.Equal("echo orders", Decode(files["run.sh"]!));
        Assert.True(files["run.sh"]!["executable"]!.GetValue<bool>());
        Assert.Equal(["fetch", "script", "publish"], result["steps"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal("test:publish", result["steps"]![2]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Actions_without_dry_run_support_are_skipped_and_their_outputs_made_up_from_their_schema()
    {
        var response = await DryRunAsync(Templates.Publishing, """{"name": "orders"}""", [("skeleton/app.txt", "x")]);

        var result = await response.ReadJsonAsync();
        var log = result["log"]!.AsArray().Select(l => l!["body"]!).ToList();
        var skipped = log.Single(b => b["status"]?.GetValue<string>() == "skipped");
        Assert.Equal("""{"message":"Skipping because test:publish does not support dry-run","stepId":"publish","status":"skipped"}""", skipped.ToJsonString());
        Assert.Contains(log, b => b["message"]!.GetValue<string>().StartsWith("Running test:write in dry-run mode with inputs (secrets redacted): {", StringComparison.Ordinal));
        Assert.Equal("https://example.com/repo.git", result["output"]!["links"]![0]!["url"]!.GetValue<string>());
        Assert.DoesNotContain(_host.Recorder.Runs, r => r.ActionId == "test:publish");
        Assert.All(result["log"]!.AsArray(), l => Assert.Equal(["body"], l!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public async Task A_dry_run_shows_secrets_as_stars_and_never_hands_them_to_actions()
    {
        var request = Request(Templates.Secretive, "{}", []);
        request["secrets"] = new JsonObject { ["token"] = "dry-run-secret-value" };

        var response = await _host.Client.PostJsonAsync("/api/scaffolder/v2/dry-run", request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("dry-run-secret-value", text, StringComparison.Ordinal);
        var shown = JsonNode.Parse(text)!["log"]!.AsArray().Select(l => l!["body"]!["message"]!.GetValue<string>())
            .Single(m => m.StartsWith("Running test:use-secret in dry-run mode", StringComparison.Ordinal));
        Assert.Contains("\"token\": \"***\"", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("dry-run-secret-value", _host.App.Logs.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Recorder.Runs, r => r.Input.ToJsonString().Contains("dry-run-secret-value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dry_run_stores_nothing_and_leaves_no_folders_behind()
    {
        await DryRunAsync(Templates.Publishing, """{"name": "orders"}""", [("skeleton/app.txt", "x")]);

        var list = await (await _host.Client.GetAsync("/api/scaffolder/v2/tasks")).ReadJsonAsync();
        Assert.Equal(0, list["totalTasks"]!.GetValue<long>());

        // The folders are removed just after the answer, off the request's path.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Directory.Exists(_host.WorkspaceRoot) && Directory.GetFileSystemEntries(_host.WorkspaceRoot).Length > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Empty(Directory.Exists(_host.WorkspaceRoot) ? Directory.GetFileSystemEntries(_host.WorkspaceRoot) : []);
    }

    [Fact]
    public async Task Values_failing_the_schema_answer_400_with_backstages_errors_body()
    {
        var response = await DryRunAsync(Templates.Publishing, "{}", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.ReadJsonAsync())["errors"]!.AsArray());
        Assert.Equal("instance requires property \"name\"", error!["stack"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_whose_template_is_not_a_template_is_refused()
    {
        var request = Request(Templates.Publishing, "{}", []);
        request["template"]!["apiVersion"] = "backstage.io/v1alpha1";

        var response = await _host.Client.PostJsonAsync("/api/scaffolder/v2/dry-run", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Input template is not a template", (await response.ReadJsonAsync())["error"]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"values": {}}""", "template")]
    [InlineData("""{"template": {}, "directoryContents": {}}""", "directoryContents")]
    [InlineData("""{"template": {}, "directoryContents": [{"path": "a", "base64Content": "@@@"}]}""", "base64")]
    [InlineData("""{"template": {}, "directoryContents": [{"path": "../escape.txt", "base64Content": "eA=="}]}""", "outside")]
    [InlineData("""{"template": {}, "directoryContents": [{"path": "/etc/x", "base64Content": "eA=="}]}""", "absolute")]
    public async Task A_malformed_dry_run_request_is_an_input_error(string body, string mentioned)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        if (json["template"] is JsonObject)
        {
            json["template"] = Request(Templates.Publishing, "{}", [])["template"]!.DeepClone();
        }

        var response = await _host.Client.PostJsonAsync("/api/scaffolder/v2/dry-run", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.ReadJsonAsync())["error"]!;
        Assert.Equal("InputError", error["name"]!.GetValue<string>());
        Assert.Contains(mentioned, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_step_is_reported_in_the_log_and_the_error()
    {
        var response = await DryRunAsync(Templates.Failing, "{}", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Contains(result["log"]!.AsArray(), l => l!["body"]!["status"]?.GetValue<string>() == "failed" && l["body"]!["stepId"]!.GetValue<string>() == "boom");
        Assert.Equal("the remote is unreachable", result["error"]!["message"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> DryRunAsync(string templateYaml, string values, (string Path, string Content)[] files) =>
        await _host.Client.PostJsonAsync("/api/scaffolder/v2/dry-run", Request(templateYaml, values, files));

    private static JsonObject Request(string templateYaml, string values, (string Path, string Content)[] files) => new()
    {
        ["template"] = YamlDocuments.Parse(templateYaml).Single().Value!.DeepClone(),
        ["values"] = JsonNode.Parse(values),
        ["directoryContents"] = new JsonArray(files.Select(f => (JsonNode?)new JsonObject
        {
            ["path"] = f.Path,
            ["base64Content"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(f.Content)),
        }).ToArray()),
    };

    private static string Decode(JsonNode file) => Encoding.UTF8.GetString(Convert.FromBase64String(file["base64Content"]!.GetValue<string>()));
}

public sealed class SqliteDryRunApiTests() : DryRunApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresDryRunApiTests() : DryRunApiTests(DatabaseProvider.Postgres);
