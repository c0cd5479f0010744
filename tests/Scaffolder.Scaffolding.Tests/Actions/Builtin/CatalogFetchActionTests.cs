using System.Text.Json.Nodes;
using Scaffolder.Catalog.Locations;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Tests.Support;

namespace Scaffolder.Scaffolding.Tests.Actions.Builtin;

public sealed class CatalogFetchActionTests : IAsyncLifetime, IDisposable
{
    private readonly ActionHarness _harness = new();
    private CatalogFetchAction _action = null!;

    public async Task InitializeAsync()
    {
        var catalog = await TestCatalog.CreateAsync(_harness.Root, Path.Combine(_harness.Root, "repos"));
        var file = Path.Combine(_harness.Root, "catalog.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: team-a
            spec:
              type: team
              children: []
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: payments
              namespace: finance
            spec:
              type: service
              lifecycle: production
              owner: group:default/team-a
            """);
        await catalog.Locations.RegisterAsync(new LocationSpec("file", file), optional: false, dryRun: false);
        _action = new CatalogFetchAction(catalog.Entities);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task One_entity_is_fetched_with_default_kind()
    {
        var context = await _harness.RunAsync(_action, new JsonObject { ["entityRef"] = "team-a", ["defaultKind"] = "group" });

        Assert.Equal("team-a", context.Outputs["entity"]!["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Several_entities_are_fetched_in_order_with_default_namespace()
    {
        var context = await _harness.RunAsync(_action, new JsonObject
        {
            ["entityRefs"] = new JsonArray("component:payments", "group:default/team-a"),
            ["defaultNamespace"] = "finance",
        });

        var entities = context.Outputs["entities"]!.AsArray();
        Assert.Equal(["payments", "team-a"], entities.Select(e => e?["metadata"]?["name"]?.GetValue<string>()));
    }

    [Fact]
    public async Task A_missing_entity_is_an_error()
    {
        var error = await Assert.ThrowsAsync<NotFoundError>(() => _harness.RunAsync(_action, new JsonObject { ["entityRef"] = "component:default/nope" }));

        Assert.Equal("catalog:fetch: entity component:default/nope not found", error.Message);
    }

    [Fact]
    public async Task A_missing_entity_is_null_when_optional()
    {
        var context = await _harness.RunAsync(_action, new JsonObject
        {
            ["entityRef"] = "component:default/nope",
            ["entityRefs"] = new JsonArray("component:default/nope", "group:team-a"),
            ["optional"] = true,
        });

        Assert.Null(context.Outputs["entity"]);
        Assert.Equal([false, true], context.Outputs["entities"]!.AsArray().Select(e => e is not null));
    }

    [Fact]
    public async Task No_reference_at_all_is_refused()
    {
        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, []));

        Assert.StartsWith("catalog:fetch: missing entity reference or references", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reference_without_a_kind_is_refused_naming_the_input()
    {
        var error = await Assert.ThrowsAsync<InputError>(() => _harness.RunAsync(_action, new JsonObject { ["entityRefs"] = new JsonArray("group:team-a", "payments") }));

        Assert.StartsWith("catalog:fetch: input 'entityRefs[1]' 'payments' is not an entity reference", error.Message, StringComparison.Ordinal);
    }
}
