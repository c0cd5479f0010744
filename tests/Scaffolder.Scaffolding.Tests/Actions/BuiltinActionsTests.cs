using System.Text.Json.Nodes;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.JsonSchema;
using Scaffolder.Publishing.Azure;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.GitHub;
using Scaffolder.Publishing.GitLab;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Local;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Tests.Support;

namespace Scaffolder.Scaffolding.Tests.Actions;

/// <summary>What GET /v2/actions will show for every built-in action: Backstage's ids, usable schemas, examples that pass them.</summary>
public sealed class BuiltinActionsTests : IAsyncLifetime, IDisposable
{
    private readonly ActionHarness _harness = new();
    private IReadOnlyList<IScaffolderAction> _actions = [];

    public async Task InitializeAsync()
    {
        var catalog = await TestCatalog.CreateAsync(_harness.Root, _harness.Root);
        var fetcher = Fetchers.Create();
        var http = new HttpClient();
        var git = new GitCli();
        var options = new LocalGitPublisherOptions { RepositoriesRoot = Path.Combine(_harness.Root, "repos") };
        var local = new LocalGitPublisher(git, options);
        _actions =
        [
            new FetchTemplateAction(fetcher), new FetchPlainAction(fetcher), new FetchPlainFileAction(fetcher),
            new FsRenameAction(), new FsDeleteAction(), new DebugLogAction(), new DebugWaitAction(),
            new CatalogRegisterAction(catalog.Locations), new CatalogWriteAction(), new CatalogFetchAction(catalog.Entities),
            new PublishGitAction(local, ScmIntegrations.Default, options), new PublishGitPlanAction(local, ScmIntegrations.Default, options),
            new PublishGitHubAction(new GitHubPublisher(http, git, ScmIntegrations.Default)),
            new PublishGitLabAction(new GitLabPublisher(http, git, ScmIntegrations.Default)),
            new PublishAzureAction(new AzurePublisher(http, git, ScmIntegrations.Default)),
        ];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Ids_are_Backstages_plus_publish_git_and_its_plan()
    {
        Assert.Equal(
            [
                "catalog:fetch", "catalog:register", "catalog:write", "debug:log", "debug:wait", "fetch:plain", "fetch:plain:file", "fetch:template",
                "fs:delete", "fs:rename", "publish:azure", "publish:git", "publish:git:plan", "publish:github", "publish:gitlab",
            ],
            _actions.Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_schema_compiles_and_describes_an_object()
    {
        foreach (var action in _actions)
        {
            Assert.True(Scaffolder.JsonSchema.JsonSchema.TryCompile(action.InputSchema, out _, out var problems), $"{action.Id}: {string.Join("; ", problems)}");
            Assert.True(action.OutputSchema is null || Scaffolder.JsonSchema.JsonSchema.TryCompile(action.OutputSchema, out _, out _), action.Id);
            Assert.False(string.IsNullOrWhiteSpace(action.Description), action.Id);
        }
    }

    [Fact]
    public void Schemas_are_handed_out_as_private_copies()
    {
        var action = _actions[0];
        var first = action.InputSchema;
        first["mutated"] = true;
        _ = new JsonObject { ["embedded"] = action.InputSchema };

        Assert.False(action.InputSchema.ContainsKey("mutated"));
    }

    [Fact]
    public void Every_action_has_examples_whose_inputs_pass_its_schema()
    {
        foreach (var action in _actions)
        {
            Assert.NotEmpty(action.Examples);
            foreach (var example in action.Examples)
            {
                var document = Assert.Single(YamlDocuments.Parse(example.Example));
                Assert.True(document.Error is null, $"{action.Id}: {document.Error}");
                var steps = document.Value!["steps"]!.AsArray().Select(s => s!.AsObject()).Where(s => (string?)s["action"] == action.Id).ToList();
                Assert.NotEmpty(steps);
                foreach (var step in steps)
                {
                    var errors = JsonSchemaValidator.Validate(action.InputSchema, step["input"]);
                    Assert.True(errors.Count == 0, $"{action.Id} example '{example.Description}': {string.Join("; ", errors)}");
                }
            }
        }
    }

    [Fact]
    public void Actions_with_effects_outside_the_workspace_do_not_run_in_dry_runs()
    {
        var dryRunnable = _actions.Where(a => a.SupportsDryRun).Select(a => a.Id).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["catalog:fetch", "catalog:write", "debug:log", "fetch:plain", "fetch:plain:file", "fetch:template", "fs:delete", "fs:rename", "publish:git:plan"],
            dryRunnable);
    }
}
