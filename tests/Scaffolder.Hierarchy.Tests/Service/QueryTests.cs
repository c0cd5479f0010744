using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Service;
using Scaffolder.Hierarchy.Tests.Infrastructure;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Hierarchy.Tests.Service;

/// <summary>Listing with filters on effective values, children, and trees.</summary>
public abstract class QueryTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Filters_on_level_and_state_use_the_nodes_own_fields()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        await h.Service.PlanAsync(HierarchyHarness.Key("api"), null);

        Assert.Equal(["api", "shop"], await NamesAsync(h, new NodeListRequest { Level = "app" }));
        Assert.Equal(["api"], await NamesAsync(h, new NodeListRequest { State = "planned" }));
        Assert.Equal(["dev", "prod"], await NamesAsync(h, new NodeListRequest { Level = "environment", State = "created" }));
    }

    [Fact]
    public async Task Owner_and_tag_filters_match_effective_values()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        Assert.Equal(["prod-k8s", "shop"], await NamesAsync(h, new NodeListRequest { Owner = "team-k8s" }));
        Assert.Equal(["api"], await NamesAsync(h, new NodeListRequest { Owner = "user:alice" }));
        Assert.Equal(["acme", "dev", "dev-net", "prod", "prod-k8s", "prod-net", "shop"], await NamesAsync(h, new NodeListRequest { Tags = ["Tier=gold"] }));
        Assert.Equal(["api", "prod", "prod-k8s", "prod-net", "shop"], await NamesAsync(h, new NodeListRequest { Tags = ["Env=prod", "CostCenter"] }));
        Assert.Equal(["api", "prod-k8s", "shop"], await NamesAsync(h, new NodeListRequest { Tags = ["Platform"] }));
    }

    [Fact]
    public async Task Listed_nodes_carry_their_effective_values_and_the_total_is_before_paging()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var page = await h.Reader.ListAsync(new NodeListRequest { Tags = ["CostCenter=1042"], Limit = 3, Offset = 3 });

        Assert.Equal(8, page.TotalItems);
        Assert.Equal(["dev-net", "prod", "prod-k8s"], page.Items.Select(n => n.Name));
        Assert.Equal("acme", page.Items[2].Effective.Tags["CostCenter"].From);
        Assert.Equal(["acme", "prod", "prod-net", "prod-k8s"], page.Items[2].Path);
    }

    [Fact]
    public async Task Deleted_nodes_are_listed_only_when_asked_for()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        await h.Service.DestroyAsync(HierarchyHarness.Key("shop"), null);
        await h.Service.DeleteAsync(HierarchyHarness.Key("shop"), null);

        Assert.Equal(["api"], await NamesAsync(h, new NodeListRequest { Level = "app" }));
        Assert.Equal(["api", "shop"], await NamesAsync(h, new NodeListRequest { Level = "app", IncludeDeleted = true }));
        Assert.Equal(["api"], (await h.Reader.ChildrenAsync(HierarchyHarness.Key("prod-k8s"), new NodeListRequest())).Items.Select(n => n.Name));
    }

    [Theory]
    [InlineData("region", null, null, "Invalid level filter \"region\"")]
    [InlineData(null, "running", null, "Invalid state filter \"running\"")]
    [InlineData(null, null, "=x", "Invalid tag filter \"=x\"")]
    public async Task Bad_filters_are_input_errors(string? level, string? state, string? tag, string message)
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<InputError>(() => h.Reader.ListAsync(new NodeListRequest { Level = level, State = state, Tags = tag is null ? [] : [tag] }));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tree_nests_every_node_under_its_parent_with_effective_values_on_request()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var plain = await h.Reader.TreeAsync(null, effective: false, includeDeleted: false);
        var full = await h.Reader.TreeAsync(null, effective: true, includeDeleted: false);

        Assert.Equal(8, plain.TotalNodes);
        var acme = Assert.Single(plain.Items);
        Assert.Equal(["dev", "prod"], acme.Children.Select(c => c.Name));
        var k8s = acme.Children[1].Children[0].Children[0];
        Assert.Equal(["api", "shop"], k8s.Children.Select(c => c.Name));
        Assert.Equal("group:default/team-k8s", k8s.Owner);
        Assert.Null(k8s.Tags);
        var fullShop = full.Items[0].Children[1].Children[0].Children[0].Children[1];
        Assert.Equal("gold", fullShop.Tags!["Tier"]);
        Assert.Equal(3, fullShop.Config!["replicas"].GetValue<int>());
    }

    [Fact]
    public async Task A_subtree_starts_at_the_node_with_its_inherited_values()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var subtree = await h.Reader.SubtreeAsync(HierarchyHarness.Key("prod-net"), effective: true, includeDeleted: false);

        Assert.Equal("prod-net", subtree.Name);
        Assert.Equal("prod", subtree.Tags!["Env"]);
        Assert.Equal(["api", "shop"], subtree.Children[0].Children.Select(c => c.Name));
        await Assert.ThrowsAsync<NotFoundError>(() => h.Reader.SubtreeAsync(HierarchyHarness.Key("nope"), false, false));
    }

    private static async Task<List<string>> NamesAsync(HierarchyHarness h, NodeListRequest request) =>
        (await h.Reader.ListAsync(request)).Items.Select(n => n.Name).ToList();
}

public sealed class SqliteQueryTests() : QueryTests(DatabaseProvider.Sqlite);

public sealed class PostgresQueryTests() : QueryTests(DatabaseProvider.Postgres);
