using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Hierarchy.Tests.Infrastructure;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Hierarchy.Tests.Service;

/// <summary>Moving a node re-checks the tree's rules; the subtree's effective values and catalog entities follow.</summary>
public abstract class MoveTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_moved_subtree_inherits_from_its_new_ancestors_and_the_move_is_a_revision()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var moved = await h.Service.MoveAsync(HierarchyHarness.Key("prod-net"), "dev", expectedRevision: 1);

        Assert.Equal(("dev", 2L), (moved.Parent, moved.Revision));
        Assert.Equal(["acme", "dev", "prod-net"], moved.Path);
        var shop = await h.GetAsync("shop");
        Assert.Equal(("dev", "dev"), (shop.Effective.Tags["Env"].Value!.GetValue<string>(), shop.Effective.Tags["Env"].From));
        Assert.Equal("us-east-1", shop.Effective.Config["region"].Value!.GetValue<string>());
        var revision = await h.Reader.RevisionAsync(HierarchyHarness.Key("prod-net"), 2);
        Assert.Equal(("move", "prod", "dev"), (revision.Operation, revision.Details!["from"]!.GetValue<string>(), revision.Details["to"]!.GetValue<string>()));
        var entity = await h.EntityAsync("resource:default/prod-net");
        Assert.Equal("resource:default/dev", entity!["spec"]!["dependsOn"]![0]!.GetValue<string>());
        Assert.Equal("dev", (await h.EntityAsync("component:default/shop"))!["metadata"]!["labels"]!["Env"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_move_under_a_descendant_is_refused_as_a_cycle()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        var before = await h.CountsAsync();

        var error = await Assert.ThrowsAsync<InputError>(() => h.Service.MoveAsync(HierarchyHarness.Key("prod"), "prod-k8s", null));

        Assert.Equal(
            "Cannot move environment 'prod' under 'prod-k8s': 'prod-k8s' is environment 'prod' itself or lies below it, so the move would make a cycle",
            error.Message);
        Assert.Equal(before, await h.CountsAsync());
    }

    [Theory]
    [InlineData("prod-k8s", "prod", "Cannot move platform 'prod-k8s' under environment 'prod': the parent of a platform must be a network")]
    [InlineData("acme", "prod", "Cannot move account 'acme': an account has no parent")]
    [InlineData("shop", "nowhere", "Cannot move app 'shop': the new parent 'nowhere' does not exist in namespace 'default'")]
    public async Task A_move_that_breaks_the_level_rules_is_an_input_error(string node, string parent, string message)
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var error = await Assert.ThrowsAsync<InputError>(() => h.Service.MoveAsync(HierarchyHarness.Key(node), parent, null));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_move_under_a_new_ancestor_that_locks_a_key_the_subtree_sets_is_a_conflict_naming_it()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        await h.UpdateAsync("dev", """{"tags":{"Tier":"dev"},"locked":{"tags":["Tier"]}}""");

        var error = await Assert.ThrowsAsync<ConflictError>(() => h.Service.MoveAsync(HierarchyHarness.Key("prod-net"), "dev", null));

        Assert.Equal("Tag 'Tier' is locked by environment 'dev'; app 'api' cannot override it", error.Message);
        Assert.Equal("prod", (await h.GetAsync("prod-net")).Parent);
    }

    [Fact]
    public async Task A_provisioned_node_that_moves_must_be_planned_again()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        await h.Service.PlanAsync(HierarchyHarness.Key("prod-net"), null);
        await h.Service.ProvisionAsync(HierarchyHarness.Key("prod-net"), null);

        var moved = await h.Service.MoveAsync(HierarchyHarness.Key("prod-net"), "dev", null);

        Assert.Equal(NodeState.Updated.ToWire(), moved.State);
        Assert.True(moved.PendingChanges);
        await Assert.ThrowsAsync<ConflictError>(() => h.Service.ProvisionAsync(HierarchyHarness.Key("prod-net"), null));
    }

    [Fact]
    public async Task Nothing_can_be_moved_under_a_destroyed_parent()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        await h.Service.DestroyAsync(HierarchyHarness.Key("dev-net"), null);
        await h.Service.DestroyAsync(HierarchyHarness.Key("dev"), null);

        var error = await Assert.ThrowsAsync<ConflictError>(() => h.Service.MoveAsync(HierarchyHarness.Key("prod-net"), "dev", null));

        Assert.Equal("Cannot put 'prod-net' under environment 'dev': it is destroyed", error.Message);
    }
}

public sealed class SqliteMoveTests() : MoveTests(DatabaseProvider.Sqlite);

public sealed class PostgresMoveTests() : MoveTests(DatabaseProvider.Postgres);
