using Scaffolder.Hierarchy.Model;
using Scaffolder.Hierarchy.Tests.Infrastructure;
using Scaffolder.Storage;
using Scaffolder.Storage.Hierarchy;
using Xunit;

namespace Scaffolder.Hierarchy.Tests.Storage;

/// <summary>The store's queries and write guards, on both providers.</summary>
public abstract class HierarchyStoreTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_chain_is_read_root_first_in_one_query_matching_the_name_ignoring_case()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var chain = await h.Store.GetChainAsync("default", "SHOP");

        Assert.Equal(["acme", "prod", "prod-net", "prod-k8s", "shop"], chain.Select(n => n.Name));
        Assert.Empty(await h.Store.GetChainAsync("default", "nope"));
        Assert.Empty(await h.Store.GetChainAsync("other", "shop"));
    }

    [Fact]
    public async Task A_subtree_is_the_chain_and_every_descendant_shallowest_first()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var (chain, descendants) = await h.Store.GetSubtreeAsync("default", "prod");

        Assert.Equal(["acme", "prod"], chain.Select(n => n.Name));
        Assert.Equal(["prod-net", "prod-k8s", "api", "shop"], descendants.Select(n => n.Name));
    }

    [Fact]
    public async Task An_update_against_another_revision_writes_nothing_and_says_so()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        var node = (await h.Store.GetChainAsync("default", "prod"))[^1];

        await Assert.ThrowsAsync<StaleRevisionException>(() => h.Store.WriteAsync(async session =>
        {
            await session.UpdateNodeAsync(node with { Title = "changed", Revision = 3 }, expectedRevision: 2, tags: null);
            return true;
        }));

        Assert.Null((await h.Store.GetChainAsync("default", "prod"))[^1].Title);
    }

    [Fact]
    public async Task Inserting_a_taken_name_is_reported_as_a_duplicate()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        var existing = (await h.Store.GetChainAsync("default", "acme"))[0];
        var copy = existing with { Id = Guid.NewGuid().ToString(), Name = "ACME" };

        await Assert.ThrowsAsync<DuplicateNodeException>(() => h.Store.WriteAsync(async session =>
        {
            await session.InsertNodesAsync([new NewNodeRecord(copy, [])]);
            return true;
        }));
    }

    [Fact]
    public async Task Timestamps_read_back_as_utc_on_both_providers()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var node = (await h.Store.GetChainAsync("default", "acme"))[0];

        Assert.Equal(DateTimeKind.Utc, node.CreatedAt.Kind);
        Assert.InRange(node.CreatedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(NodeLevel.Account.ToWire(), node.Level);
    }

    [Fact]
    public async Task The_tag_index_follows_tag_changes()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        await h.UpdateAsync("prod-k8s", """{"tags":{"Platform":null,"Runtime":"containerd"}}""");

        var byOld = await h.Store.QueryAsync(new NodeQuery { Tags = [new TagCondition("Platform", null)] });
        var byNew = await h.Store.QueryAsync(new NodeQuery { Tags = [new TagCondition("Runtime", "containerd")] });

        Assert.Empty(byOld.Items);
        Assert.Equal(["api", "prod-k8s", "shop"], byNew.Items.Select(n => n.Name));
        Assert.Equal(["acme", "prod", "prod-k8s", "prod-net"], byNew.Ancestors.Values.Select(a => a.Name).Order(StringComparer.Ordinal));
    }
}

public sealed class SqliteHierarchyStoreTests() : HierarchyStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresHierarchyStoreTests() : HierarchyStoreTests(DatabaseProvider.Postgres);
