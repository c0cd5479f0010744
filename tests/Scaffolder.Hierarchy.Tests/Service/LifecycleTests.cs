using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Tests.Infrastructure;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Hierarchy.Tests.Service;

/// <summary>The lifecycle state machine through the service: plans as diffs, guards, revisions and their diffs.</summary>
public abstract class LifecycleTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Created_planned_provisioned_updated_each_step_a_new_revision()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        var key = HierarchyHarness.Key("shop");

        var plan = await h.Service.PlanAsync(key, expectedRevision: 1);
        var provisioned = await h.Service.ProvisionAsync(key, expectedRevision: 2);
        var updated = await h.UpdateAsync("shop", """{"config":{"replicas":5}}""", expectedRevision: 3);

        Assert.Equal(("planned", 2L, (long?)null), (plan.Node.State, plan.Node.Revision, plan.BaselineRevision));
        Assert.Equal(("provisioned", 3L, 3L, false), (provisioned.State, provisioned.Revision, provisioned.ProvisionedRevision, provisioned.PendingChanges));
        Assert.Equal(("updated", 4L, true), (updated.State, updated.Revision, updated.PendingChanges));
        Assert.Equal(["create", "plan", "provision", "update"], (await h.Reader.RevisionsAsync(key)).Items.Select(r => r.Operation));
    }

    [Fact]
    public async Task A_first_plan_adds_every_effective_value_and_a_later_plan_shows_what_changed_since_provisioning()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        var key = HierarchyHarness.Key("shop");

        var first = await h.Service.PlanAsync(key, null);
        await h.Service.ProvisionAsync(key, null);
        await h.UpdateAsync("shop", """{"config":{"replicas":5,"image":"shop:2"}}""");
        await h.UpdateAsync("acme", """{"tags":{"Tier":null}}""");
        var second = await h.Service.PlanAsync(key, null);

        Assert.Equal(
            ["config.cidr", "config.region", "config.replicas", "owner", "tags.CostCenter", "tags.Env", "tags.Platform", "tags.Tier"],
            first.Changes.Added.Keys);
        Assert.Equal(["config.image"], second.Changes.Added.Keys);
        Assert.Equal(["config.replicas"], second.Changes.Changed.Keys);
        Assert.Equal((3, 5), (second.Changes.Changed["config.replicas"].From!.GetValue<int>(), second.Changes.Changed["config.replicas"].To!.GetValue<int>()));
        Assert.Equal(["tags.Tier"], second.Changes.Removed.Keys);
        Assert.Equal(3, second.BaselineRevision);
    }

    [Fact]
    public async Task A_provisioned_node_whose_ancestor_changed_shows_pending_changes_and_plans_the_difference()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        var key = HierarchyHarness.Key("shop");
        await h.Service.PlanAsync(key, null);
        await h.Service.ProvisionAsync(key, null);

        await h.UpdateAsync("prod", """{"tags":{"Env":"production"}}""");

        var shop = await h.GetAsync("shop");
        Assert.Equal(("provisioned", true), (shop.State, shop.PendingChanges));
        var plan = await h.Service.PlanAsync(key, null);
        Assert.Equal(["tags.Env"], plan.Changes.Changed.Keys);
    }

    [Fact]
    public async Task Provisioning_after_an_ancestor_changed_since_the_plan_is_refused()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        await h.Service.PlanAsync(HierarchyHarness.Key("shop"), null);
        await h.UpdateAsync("acme", """{"tags":{"CostCenter":"7"}}""");

        var error = await Assert.ThrowsAsync<ConflictError>(() => h.Service.ProvisionAsync(HierarchyHarness.Key("shop"), null));

        Assert.Equal(
            "Cannot provision app 'shop': its effective values changed since it was planned at revision 2 (an ancestor was changed or moved); plan it again",
            error.Message);
        Assert.Equal("planned", (await h.GetAsync("shop")).State);
    }

    [Fact]
    public async Task Steps_out_of_order_are_conflicts_and_change_nothing()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        var before = await h.CountsAsync();

        var provision = await Assert.ThrowsAsync<ConflictError>(() => h.Service.ProvisionAsync(HierarchyHarness.Key("shop"), null));
        var delete = await Assert.ThrowsAsync<ConflictError>(() => h.Service.DeleteAsync(HierarchyHarness.Key("shop"), null));
        var destroy = await Assert.ThrowsAsync<ConflictError>(() => h.Service.DestroyAsync(HierarchyHarness.Key("prod-k8s"), null));

        Assert.Equal("Cannot provision app 'shop': it is created; plan it first", provision.Message);
        Assert.Equal("Cannot delete app 'shop': it is created; destroy it first", delete.Message);
        Assert.Equal(
            "Cannot destroy platform 'prod-k8s' while app 'api' (created), app 'shop' (created) are below it not destroyed; destroy them first",
            destroy.Message);
        Assert.Equal(before, await h.CountsAsync());
    }

    [Fact]
    public async Task Destroying_bottom_up_then_deleting_removes_the_nodes_from_the_catalog_but_keeps_their_history()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        await h.Service.DestroyAsync(HierarchyHarness.Key("dev-net"), null);
        var deleteParentFirst = await Assert.ThrowsAsync<ConflictError>(() => h.Service.DeleteAsync(HierarchyHarness.Key("dev"), null));
        await h.Service.DestroyAsync(HierarchyHarness.Key("dev"), null);
        var createUnderDestroyed = await Assert.ThrowsAsync<ConflictError>(() => h.CreateAsync("""{"name":"n2","parent":"dev"}"""));
        var editDestroyed = await Assert.ThrowsAsync<ConflictError>(() => h.UpdateAsync("dev", """{"title":"x"}"""));
        var deleteBeforeChildren = await Assert.ThrowsAsync<ConflictError>(() => h.Service.DeleteAsync(HierarchyHarness.Key("dev"), null));
        await h.Service.DeleteAsync(HierarchyHarness.Key("dev-net"), null);
        var deleted = await h.Service.DeleteAsync(HierarchyHarness.Key("dev"), null);

        Assert.StartsWith("Cannot delete environment 'dev': it is created; destroy it first", deleteParentFirst.Message, StringComparison.Ordinal);
        Assert.Equal("Cannot put 'n2' under environment 'dev': it is destroyed", createUnderDestroyed.Message);
        Assert.Equal("Cannot update environment 'dev': it is destroyed", editDestroyed.Message);
        Assert.Equal("Cannot delete environment 'dev' while network 'dev-net' (destroyed) is below it not deleted; delete them first", deleteBeforeChildren.Message);
        Assert.Equal(("deleted", 3L), (deleted.State, deleted.Revision));
        Assert.Null(await h.EntityAsync("resource:default/dev"));
        Assert.Null(await h.EntityAsync("resource:default/dev-net"));
        Assert.Equal(["create", "destroy", "delete"], (await h.Reader.RevisionsAsync(HierarchyHarness.Key("dev"))).Items.Select(r => r.Operation));
        Assert.Equal("deleted", (await h.GetAsync("dev")).State);
    }

    [Fact]
    public async Task A_destroyed_app_is_a_deprecated_component_in_the_catalog()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        await h.Service.DestroyAsync(HierarchyHarness.Key("shop"), null);

        var entity = await h.EntityAsync("component:default/shop");
        Assert.Equal("deprecated", entity!["spec"]!["lifecycle"]!.GetValue<string>());
        Assert.Equal("destroyed", entity["metadata"]!["annotations"]!["hierarchy.scaffolder.io/state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revisions_keep_each_definition_and_diff_between_any_two()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        await h.UpdateAsync("prod", """{"title":"Production","tags":{"Env":"production","Team":"ops"}}""");
        await h.Service.PlanAsync(HierarchyHarness.Key("prod"), null);
        await h.UpdateAsync("prod", """{"tags":{"Team":null}}""");

        var diff = await h.Reader.DiffAsync(HierarchyHarness.Key("prod"), 1, null);
        var firstTwo = await h.Reader.DiffAsync(HierarchyHarness.Key("prod"), 1, 2);
        var second = await h.Reader.RevisionAsync(HierarchyHarness.Key("prod"), 2);

        Assert.Equal(4, diff.To);
        Assert.Equal(["title"], diff.Changes.Added.Keys);
        Assert.Equal(["tags.Env"], diff.Changes.Changed.Keys);
        Assert.Empty(diff.Changes.Removed);
        Assert.Equal(["tags.Team", "title"], firstTwo.Changes.Added.Keys);
        Assert.Equal("ops", second.Snapshot["tags"]!["Team"]!.GetValue<string>());
        Assert.Equal("update", second.Operation);
        var missing = await Assert.ThrowsAsync<NotFoundError>(() => h.Reader.RevisionAsync(HierarchyHarness.Key("prod"), 9));
        Assert.Equal("environment 'prod' has no revision 9; its revisions are 1 to 4", missing.Message);
    }
}

public sealed class SqliteLifecycleTests() : LifecycleTests(DatabaseProvider.Sqlite);

public sealed class PostgresLifecycleTests() : LifecycleTests(DatabaseProvider.Postgres);
