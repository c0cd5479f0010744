using System.Text.Json.Nodes;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Local;
using Scaffolder.Publishing.Tests.Infrastructure;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Actions.Fetching;
using Scaffolder.Scaffolding.Tests.Support;
using Scaffolder.Testing;

namespace Scaffolder.Scaffolding.Tests.Templates;

/// <summary>
/// The microservice template run once, step by step with the real actions: rendered, published to a
/// local bare repository, registered in a catalog, then cloned for inspection.
/// </summary>
public sealed class MicroserviceGoldenPath : IAsyncLifetime
{
    public const string Name = "payments-api";

    public static readonly JsonObject Parameters = new()
    {
        ["name"] = Name,
        ["description"] = "Takes payments: cards, \"wallets\" # and more",
        ["owner"] = "group:default/team-a",
        ["system"] = "commerce",
        ["repoUrl"] = $"localhost?owner=team-a&repo={Name}",
    };

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "scaffolder-golden-path", Guid.NewGuid().ToString("N")[..12]);

    public string TemplateFile { get; } = RepositoryPaths.InRepo("templates", "microservice", "template.yaml");

    public string RepositoriesRoot => Path.Combine(Root, "repos");

    public string Clone => Path.Combine(Root, "clone");

    public TestCatalog Catalog { get; private set; } = null!;

    public TemplateStepRunner Runner { get; private set; } = null!;

    public JsonObject Output { get; private set; } = [];

    public RecordingActionLogger Log { get; } = new();

    public TimeSpan StepsDuration { get; private set; }

    public async Task InitializeAsync()
    {
        var workspace = Directory.CreateDirectory(Path.Combine(Root, "workspace")).FullName;
        Catalog = await TestCatalog.CreateAsync(Root, RepositoriesRoot);
        var integrations = new ScmIntegrations([new ScmIntegration { Host = "localhost", Type = ScmProviderType.Local }]);
        var options = new LocalGitPublisherOptions { RepositoriesRoot = RepositoriesRoot };
        var publisher = new LocalGitPublisher(new GitCli(), options, integrations: integrations);
        var fetcher = new ContentFetcher(new HttpClient(), new FetchOptions());
        IScaffolderAction[] actions =
        [
            new PublishGitPlanAction(publisher, integrations, options),
            new FetchTemplateAction(fetcher),
            new PublishGitAction(publisher, integrations, options),
            new CatalogRegisterAction(Catalog.Locations),
        ];
        Runner = new TemplateStepRunner(actions.ToDictionary(a => a.Id), workspace, Log);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Output = await Runner.RunAsync(TemplateFile, Parameters);
        StepsDuration = watch.Elapsed;

        var remote = Runner.StepOutputs["publish"]["remoteUrl"]!.GetValue<string>();
        await TestGit.RunAsync(Root, "clone", "--quiet", remote, Clone);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Clone, relativePath));
}
