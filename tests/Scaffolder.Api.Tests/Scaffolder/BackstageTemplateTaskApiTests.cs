using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Scaffolder.Support;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary>Unmodified Backstage templates run as tasks (<c>POST /v2/tasks</c>), not only as dry runs.</summary>
public abstract class BackstageTemplateTaskApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string SharedSkeletonTemplate = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: uses-shared-skeleton
        spec:
          type: service
          parameters:
            - required: [componentName]
              properties:
                componentName:
                  type: string
          steps:
            - id: fetch-catalog-info
              name: Shared catalog-info skeleton outside the template folder
              action: fetch:template
              input:
                url: ../../skeletons/catalog-info/
                values:
                  componentName: ${{ parameters.componentName }}
            - id: show
              action: debug:log
              input:
                listWorkspace: with-contents
        """;

    private ScaffolderTestHost _host = null!;

    public async Task InitializeAsync()
    {
        var corpusFiles = new Dictionary<string, string>();
        var corpusTemplate = Path.Combine(BackstageCorpus.Directory, "node-github-actions", "template");
        foreach (var file in Directory.EnumerateFiles(corpusTemplate, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            corpusFiles["node-github-actions/" + Path.GetRelativePath(corpusTemplate, file).Replace('\\', '/')] = await File.ReadAllTextAsync(file);
        }

        corpusFiles["../skeletons/catalog-info/catalog-info.yaml"] = "metadata:\n  name: ${{ values.componentName | dump }}\n";
        _host = await ScaffolderTestHost.StartAsync(
            provider,
            new Dictionary<string, string> { ["uses-shared-skeleton"] = SharedSkeletonTemplate },
            settings => settings["Scaffolder:Actions:Fetch:FileRoots:0"] = Path.Combine(settings["Scaffolder:RootDirectory"]!, "skeletons"),
            corpusFiles);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_skeleton_url_outside_the_template_folder_is_read_from_a_configured_root()
    {
        var id = await _host.CreateTaskAsync("template:default/uses-shared-skeleton", new JsonObject { ["componentName"] = "orders" });
        var task = await _host.WaitForStatusAsync(id);
        var events = await _host.EventsAsync(id);

        Assert.True(task["status"]!.GetValue<string>() == "completed", events.ToJsonString());
        Assert.Contains(events, e => e!["body"]!["message"]?.GetValue<string>() is { } message
            && message.Contains("catalog-info.yaml", StringComparison.Ordinal)
            && message.Contains("name: \"orders\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_corpus_template_completes_as_a_task_with_the_output_backstage_renders()
    {
        var values = BackstageCorpus.Case("node-github-actions")["values"]!.AsObject();

        var id = await _host.CreateTaskAsync("template:default/node-github-actions", (JsonObject)values.DeepClone());
        var task = await _host.WaitForStatusAsync(id);

        var events = await _host.EventsAsync(id);
        Assert.True(task["status"]!.GetValue<string>() == "completed", events.ToJsonString());
        var completion = events.Last()!;
        Assert.Equal("completion", completion["type"]!.GetValue<string>());
        Assert.Equal(BackstageCorpus.Expected("node-github-actions")["output"]!.ToJsonString(), completion["body"]!["output"]!.ToJsonString());
    }
}

public sealed class SqliteBackstageTemplateTaskApiTests() : BackstageTemplateTaskApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresBackstageTemplateTaskApiTests() : BackstageTemplateTaskApiTests(DatabaseProvider.Postgres);
