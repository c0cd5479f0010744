using System.Text.Json.Nodes;
using Scaffolder.Catalog.Locations;
using Scaffolder.Catalog.Processing;
using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Tests.Infrastructure;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Hierarchy.Tests.Service;

/// <summary>Every node is a catalog entity, written in the same transaction as the node.</summary>
public abstract class ProjectionTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Each_node_is_an_entity_with_relations_to_its_parent_and_owner()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var shop = await h.EntityAsync("component:default/shop");
        var platform = await h.EntityAsync("resource:default/prod-k8s");

        Assert.Equal(["dependsOn resource:default/prod-k8s", "ownedBy group:default/team-k8s"], Relations(shop!));
        Assert.Contains("dependencyOf component:default/shop", Relations(platform!));
        Assert.Contains("dependencyOf component:default/api", Relations(platform!));
        Assert.Contains("dependsOn resource:default/prod-net", Relations(platform!));
        Assert.Equal("hierarchy:/api/hierarchy", shop!["metadata"]!["annotations"]!["backstage.io/managed-by-location"]!.GetValue<string>());
        Assert.Equal(8, (await h.Catalog.QueryAsync(new Scaffolder.Storage.Catalog.EntityQuery())).Count);
    }

    [Fact]
    public async Task An_account_tag_change_relabels_every_descendant_entity_in_the_same_transaction()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        await h.UpdateAsync("acme", """{"tags":{"CostCenter":"2024"}}""");

        foreach (var entityRef in new[] { "resource:default/acme", "resource:default/dev-net", "component:default/shop", "component:default/api" })
        {
            Assert.Equal("2024", (await h.EntityAsync(entityRef))!["metadata"]!["labels"]!["CostCenter"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_revision_change_updates_the_entitys_state_and_revision_annotations()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        await h.Service.PlanAsync(HierarchyHarness.Key("prod"), null);

        var annotations = (await h.EntityAsync("resource:default/prod"))!["metadata"]!["annotations"]!;
        Assert.Equal(("planned", "2"), (annotations["hierarchy.scaffolder.io/state"]!.GetValue<string>(), annotations["hierarchy.scaffolder.io/revision"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_node_whose_entity_name_is_taken_by_another_catalog_source_is_refused_and_nothing_is_written()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        var writer = new EntityProviderWriter(EntityProcessor.Default);
        await h.Catalog.WriteAsync(session => writer.ApplyDeltaAsync(
            session,
            "other",
            new LocationSpec("other", "x"),
            [JsonNode.Parse("""{"apiVersion":"backstage.io/v1alpha1","kind":"Component","metadata":{"name":"billing"},"spec":{"type":"service","lifecycle":"production","owner":"x"}}""")!.AsObject()],
            []).ContinueWith(_ => true, TaskScheduler.Default));
        var before = await h.CountsAsync();

        var error = await Assert.ThrowsAsync<ConflictError>(() => h.CreateAsync("""{"name":"billing","parent":"prod-k8s"}"""));

        Assert.Contains("component:default/billing is already provided by", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await h.CountsAsync());
    }

    [Fact]
    public async Task The_location_entities_match_what_the_catalog_holds()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        await h.Service.DestroyAsync(HierarchyHarness.Key("dev-net"), null);
        await h.Service.DeleteAsync(HierarchyHarness.Key("dev-net"), null);

        var entities = await h.Reader.CatalogEntitiesAsync();

        Assert.Equal(7, entities.Count);
        Assert.Equal("acme", entities[0]["metadata"]!["name"]!.GetValue<string>());
        foreach (var entity in entities)
        {
            var kind = entity["kind"]!.GetValue<string>().ToLowerInvariant();
            var stored = await h.EntityAsync($"{kind}:default/{entity["metadata"]!["name"]!.GetValue<string>()}");
            Assert.Equal(entity["spec"]!.ToJsonString(), stored!["spec"]!.ToJsonString());
            Assert.Equal(entity["metadata"]!["labels"]?.ToJsonString(), stored["metadata"]!["labels"]?.ToJsonString());
        }
    }

    private static List<string> Relations(JsonObject entity) =>
        entity["relations"]!.AsArray().Select(r => $"{r!["type"]} {r["targetRef"]}").Order(StringComparer.Ordinal).ToList();
}

public sealed class SqliteProjectionTests() : ProjectionTests(DatabaseProvider.Sqlite);

public sealed class PostgresProjectionTests() : ProjectionTests(DatabaseProvider.Postgres);
