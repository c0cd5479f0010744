using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Tests.Infrastructure;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Hierarchy.Tests.Service;

/// <summary>Effective values read through the service: merged top-down with provenance, locks enforced, changes above seen at once.</summary>
public abstract class InheritanceTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_leaf_reads_every_ancestors_values_with_the_node_that_set_each()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var api = await h.GetAsync("api");

        var tags = api.Effective.Tags;
        Assert.Equal(("1042", "acme", "account", "acme"), (tags["CostCenter"].Value!.GetValue<string>(), tags["CostCenter"].From, tags["CostCenter"].FromLevel, tags["CostCenter"].LockedBy));
        Assert.Equal(("silver", "api"), (tags["Tier"].Value!.GetValue<string>(), tags["Tier"].From));
        Assert.Equal(("prod", "prod"), (tags["Env"].Value!.GetValue<string>(), tags["Env"].From));
        Assert.Equal(("kubernetes", "prod-k8s"), (tags["Platform"].Value!.GetValue<string>(), tags["Platform"].From));
        Assert.Equal(("eu-west-1", "acme"), (api.Effective.Config["region"].Value!.GetValue<string>(), api.Effective.Config["region"].From));
        Assert.Equal(("10.0.0.0/16", "prod-net"), (api.Effective.Config["cidr"].Value!.GetValue<string>(), api.Effective.Config["cidr"].From));
        Assert.Equal(("user:default/alice", "api"), (api.Effective.Owner!.Value!.GetValue<string>(), api.Effective.Owner.From));
        Assert.Equal(("group:default/team-k8s", "prod-k8s"), ((await h.GetAsync("shop")).Effective.Owner!.Value!.GetValue<string>(), (await h.GetAsync("shop")).Effective.Owner!.From));
        Assert.Equal("acme", api.Effective.Locks.Tags["CostCenter"]);
    }

    [Fact]
    public async Task A_change_on_an_ancestor_shows_in_every_descendant_at_once()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        await h.UpdateAsync("acme", """{"tags":{"Tier":"bronze","Team":"core"},"config":{"region":null}}""");

        var shop = await h.GetAsync("shop");
        Assert.Equal("bronze", shop.Effective.Tags["Tier"].Value!.GetValue<string>());
        Assert.Equal("core", shop.Effective.Tags["Team"].Value!.GetValue<string>());
        Assert.False(shop.Effective.Config.ContainsKey("region"));
        Assert.Equal("silver", (await h.GetAsync("api")).Effective.Tags["Tier"].Value!.GetValue<string>());
        Assert.Equal("us-east-1", (await h.GetAsync("dev-net")).Effective.Config["region"].Value!.GetValue<string>());
    }

    [Fact]
    public async Task Overriding_a_locked_key_is_a_conflict_naming_the_locking_ancestor_and_changes_nothing()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        var before = await h.CountsAsync();

        var update = await Assert.ThrowsAsync<ConflictError>(() => h.UpdateAsync("shop", """{"tags":{"CostCenter":"9999"}}"""));
        var create = await Assert.ThrowsAsync<ConflictError>(() => h.CreateAsync("""{"name":"x","parent":"prod-k8s","tags":{"CostCenter":"1"}}"""));

        Assert.Equal("Tag 'CostCenter' is locked by account 'acme'; app 'shop' cannot override it", update.Message);
        Assert.Equal("Tag 'CostCenter' is locked by account 'acme'; app 'x' cannot override it", create.Message);
        Assert.Equal(before, await h.CountsAsync());
        Assert.Equal(1, (await h.GetAsync("shop")).Revision);
    }

    [Fact]
    public async Task Locked_config_keys_are_enforced_like_tags()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        await h.UpdateAsync("prod", """{"config":{"cidrPolicy":"strict"},"locked":{"config":["cidrPolicy"]}}""");

        var error = await Assert.ThrowsAsync<ConflictError>(() => h.UpdateAsync("prod-net", """{"config":{"cidrPolicy":"loose"}}"""));

        Assert.Equal("Config key 'cidrPolicy' is locked by environment 'prod'; network 'prod-net' cannot override it", error.Message);
        Assert.Equal("prod", (await h.GetAsync("shop")).Effective.Config["cidrPolicy"].LockedBy);
    }

    [Fact]
    public async Task Locking_a_key_a_descendant_already_sets_is_a_conflict_naming_the_descendant()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var error = await Assert.ThrowsAsync<ConflictError>(() => h.UpdateAsync("acme", """{"locked":{"tags":["CostCenter","Tier"]}}"""));

        Assert.Equal("Cannot lock tag 'Tier' on account 'acme': app 'api' below it sets its own value; remove it there first", error.Message);
        Assert.Equal(["CostCenter"], (await h.GetAsync("acme")).Locked.Tags);
    }

    [Fact]
    public async Task The_locking_node_itself_may_change_the_locked_value()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        await h.UpdateAsync("acme", """{"tags":{"CostCenter":"2000"}}""");

        Assert.Equal("2000", (await h.GetAsync("shop")).Effective.Tags["CostCenter"].Value!.GetValue<string>());
    }

    [Fact]
    public async Task An_ancestor_tag_that_differs_from_a_descendant_tag_only_in_case_is_refused()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var error = await Assert.ThrowsAsync<InputError>(() => h.UpdateAsync("acme", """{"tags":{"platform":"vm"}}"""));

        Assert.StartsWith("Tag 'Platform' of 'prod-k8s' differs only in letter case from tag 'platform'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_makes_no_revision()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var node = await h.UpdateAsync("prod", """{"tags":{"Env":"prod"},"title":null}""");

        Assert.Equal(1, node.Revision);
        Assert.Single((await h.Reader.RevisionsAsync(HierarchyHarness.Key("prod"))).Items);
    }
}

public sealed class SqliteInheritanceTests() : InheritanceTests(DatabaseProvider.Sqlite);

public sealed class PostgresInheritanceTests() : InheritanceTests(DatabaseProvider.Postgres);
