using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Common.Errors;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Local;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Tests.Support;

namespace Scaffolder.Scaffolding.Tests.Actions.Builtin;

public sealed class CatalogRegisterActionTests : IAsyncLifetime, IDisposable
{
    private const string ComponentYaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: payments
        spec:
          type: service
          lifecycle: experimental
          owner: team-a
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: payments-api
        spec:
          type: openapi
          lifecycle: experimental
          owner: team-a
          definition: "openapi: 3.0.0"
        """;

    private readonly ActionHarness _harness = new();
    private TestCatalog _catalog = null!;
    private LocalGitPublisher _publisher = null!;
    private CatalogRegisterAction _action = null!;

    private string RepositoriesRoot => Path.Combine(_harness.Root, "repos");

    public async Task InitializeAsync()
    {
        _catalog = await TestCatalog.CreateAsync(_harness.Root, RepositoriesRoot);
        _publisher = new LocalGitPublisher(new GitCli(), new LocalGitPublisherOptions { RepositoriesRoot = RepositoriesRoot });
        _action = new CatalogRegisterAction(_catalog.Locations);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _harness.Dispose();

    private async Task<string> PublishAsync(string repo, string catalogInfo, string path = "catalog-info.yaml")
    {
        var source = Directory.CreateDirectory(Path.Combine(_harness.Root, "source-" + repo)).FullName;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(source, path))!);
        await File.WriteAllTextAsync(Path.Combine(source, path), catalogInfo);
        var result = await _publisher.PublishAsync(new PublishGitRequest { WorkspacePath = source, Owner = "team-a", Repo = repo });
        return result.RepoContentsUrl;
    }

    [Fact]
    public async Task Repo_contents_url_of_a_local_publish_registers_the_component_and_outputs_its_ref()
    {
        var contents = await PublishAsync("payments", ComponentYaml);

        var context = await _harness.RunAsync(_action, new JsonObject { ["repoContentsUrl"] = contents });

        Assert.Equal("component:default/payments", context.Outputs["entityRef"]!.GetValue<string>());
        Assert.Equal(contents + "/catalog-info.yaml", context.Outputs["catalogInfoUrl"]!.GetValue<string>());
        Assert.NotNull(await _catalog.Entities.GetByRefAsync(EntityRef.Parse("component:default/payments")));
        Assert.NotNull(await _catalog.Entities.GetByRefAsync(EntityRef.Parse("api:default/payments-api")));
        Assert.Contains(await _catalog.Locations.ListAsync(), l => l.Type == "url" && l.Target == contents + "/catalog-info.yaml");
    }

    [Fact]
    public async Task Catalog_info_path_names_another_file_in_the_repository()
    {
        var contents = await PublishAsync("nested", ComponentYaml, "deploy/catalog.yaml");

        var context = await _harness.RunAsync(_action, new JsonObject { ["repoContentsUrl"] = contents, ["catalogInfoPath"] = "./deploy/catalog.yaml" });

        Assert.Equal(contents + "/deploy/catalog.yaml", context.Outputs["catalogInfoUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Catalog_info_url_registers_directly()
    {
        var contents = await PublishAsync("direct", ComponentYaml);

        var context = await _harness.RunAsync(_action, new JsonObject { ["catalogInfoUrl"] = contents + "/catalog-info.yaml" });

        Assert.Equal("component:default/payments", context.Outputs["entityRef"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_already_registered_location_is_a_conflict()
    {
        var contents = await PublishAsync("twice", ComponentYaml);
        await _harness.RunAsync(_action, new JsonObject { ["repoContentsUrl"] = contents });

        var error = await Assert.ThrowsAsync<ConflictError>(() => _harness.RunAsync(_action, new JsonObject { ["repoContentsUrl"] = contents }));

        Assert.Contains("catalog:register: could not register", error.Message, StringComparison.Ordinal);
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_already_registered_location_is_accepted_when_optional_and_still_yields_the_ref()
    {
        var contents = await PublishAsync("optional", ComponentYaml);
        await _harness.RunAsync(_action, new JsonObject { ["repoContentsUrl"] = contents });

        var context = await _harness.RunAsync(_action, new JsonObject { ["repoContentsUrl"] = contents, ["optional"] = true });

        Assert.Equal("component:default/payments", context.Outputs["entityRef"]!.GetValue<string>());
        Assert.Contains(_harness.Log.Lines, l => l.Level == "warn" && l.Message.Contains("already exists", StringComparison.Ordinal));
        Assert.Single(await _catalog.Locations.ListAsync());
    }

    [Fact]
    public async Task An_invalid_descriptor_registers_nothing()
    {
        var contents = await PublishAsync("invalid", ComponentYaml + "\n---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: 'not a valid name!'\nspec: {}\n");

        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, new JsonObject { ["repoContentsUrl"] = contents }));

        Assert.StartsWith("catalog:register: could not register", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _catalog.Locations.ListAsync());
        Assert.Null(await _catalog.Entities.GetByRefAsync(EntityRef.Parse("component:default/payments")));
    }

    [Fact]
    public async Task A_missing_descriptor_is_reported_and_registers_nothing()
    {
        var contents = await PublishAsync("missing", ComponentYaml, "other.yaml");

        var error = await Assert.ThrowsAnyAsync<ServiceError>(() => _harness.RunAsync(_action, new JsonObject { ["repoContentsUrl"] = contents }));

        Assert.Contains("catalog-info.yaml", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _catalog.Locations.ListAsync());
    }

    [Fact]
    public async Task A_repository_outside_the_local_root_is_not_read()
    {
        var elsewhere = Path.Combine(_harness.Root, "elsewhere.git");
        await Publishing.Tests.Infrastructure.TestGit.InitBareAsync(elsewhere);
        var url = new Uri(elsewhere).AbsoluteUri + "/-/blob/main/catalog-info.yaml";

        var error = await Assert.ThrowsAnyAsync<ServiceError>(() => _harness.RunAsync(_action, new JsonObject { ["catalogInfoUrl"] = url }));

        Assert.Contains("outside", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"repoContentsUrl":"file:///x.git/-/blob/main","catalogInfoPath":"../../other.git/-/blob/main/catalog-info.yaml"}""", "must not contain '..'")]
    [InlineData("""{"repoContentsUrl":"not a url"}""", "not an absolute URL")]
    [InlineData("""{"catalogInfoUrl":"relative/catalog-info.yaml"}""", "must be an absolute URL")]
    public async Task Unusable_inputs_are_refused_clearly(string input, string message)
    {
        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, ActionHarness.Input(input)));

        Assert.StartsWith("catalog:register: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_ref_is_picked_as_Backstage_picks_it()
    {
        static string Entity(string kind, string name, string? ns = null) =>
            new JsonObject { ["kind"] = kind, ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns } }.ToJsonString();

        Assert.Equal("component:default/svc", CatalogRegisterAction.PickEntityRef([Entity("Location", "generated-abc"), Entity("API", "api"), Entity("Component", "svc")]));
        Assert.Equal("api:team/Api", CatalogRegisterAction.PickEntityRef([Entity("Location", "generated-abc"), Entity("API", "Api", "team")]));
        Assert.Equal("location:default/generated-abc", CatalogRegisterAction.PickEntityRef([Entity("Location", "generated-abc")]));
        Assert.Null(CatalogRegisterAction.PickEntityRef([]));
    }

    [Fact]
    public void Register_does_not_run_in_dry_runs() => Assert.False(_action.SupportsDryRun);
}
