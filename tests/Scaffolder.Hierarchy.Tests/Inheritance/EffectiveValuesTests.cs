using System.Text.Json.Nodes;
using Scaffolder.Hierarchy.Inheritance;
using Scaffolder.Hierarchy.Model;
using Xunit;
using static Scaffolder.Hierarchy.Tests.Infrastructure.Nodes;

namespace Scaffolder.Hierarchy.Tests.Inheritance;

public sealed class EffectiveValuesTests
{
    private static readonly HierarchyNode Account = Node(
        "acme", NodeLevel.Account, owner: "group:default/platform",
        tags: Tags(("CostCenter", "1042"), ("Tier", "gold")),
        config: Config(("region", "eu-west-1"), ("prefix", "acme")),
        locked: LockedKeys.Of(["CostCenter"], ["prefix"]));

    private static readonly HierarchyNode Environment = Node(
        "prod", NodeLevel.Environment, Account, tags: Tags(("Tier", "platinum")), config: Config(("region", "us-east-1")));

    private static readonly HierarchyNode Network = Node("net", NodeLevel.Network, Environment, owner: "group:default/network");

    [Fact]
    public void The_nearest_definition_wins_and_names_the_node_that_set_it()
    {
        var values = EffectiveValues.Of([Account, Environment, Network]);

        Assert.Equal("1042", values.Tags["CostCenter"].Value);
        Assert.Equal(new NodeOrigin("acme", NodeLevel.Account), values.Tags["CostCenter"].From);
        Assert.Equal("platinum", values.Tags["Tier"].Value);
        Assert.Equal(new NodeOrigin("prod", NodeLevel.Environment), values.Tags["Tier"].From);
        Assert.Equal("us-east-1", values.Config["region"].Value.GetValue<string>());
        Assert.Equal("prod", values.Config["region"].From.Name);
        Assert.Equal("acme", values.Config["prefix"].From.Name);
    }

    [Fact]
    public void Owner_is_inherited_until_a_node_sets_its_own()
    {
        Assert.Equal(new Inherited<string>("group:default/platform", new NodeOrigin("acme", NodeLevel.Account)), EffectiveValues.Of([Account, Environment]).Owner);
        Assert.Equal(new Inherited<string>("group:default/network", new NodeOrigin("net", NodeLevel.Network)), EffectiveValues.Of([Account, Environment, Network]).Owner);
    }

    [Fact]
    public void Locks_are_reported_with_the_topmost_node_that_locks_the_key()
    {
        var relock = Node("prod", NodeLevel.Environment, Account, locked: LockedKeys.Of(["CostCenter", "Tier"], []));

        var values = EffectiveValues.Of([Account, relock]);

        Assert.Equal("acme", values.TagLockedBy("CostCenter")!.Name);
        Assert.Equal("prod", values.TagLockedBy("Tier")!.Name);
        Assert.Equal("acme", values.ConfigLockedBy("prefix")!.Name);
        Assert.Null(values.ConfigLockedBy("region"));
    }

    [Fact]
    public void A_node_without_values_of_its_own_shares_its_parents_maps()
    {
        var parent = EffectiveValues.Of([Account, Environment]);

        var child = parent.Extend(Network);

        Assert.Same(parent.Tags, child.Tags);
        Assert.Same(parent.Config, child.Config);
    }

    [Fact]
    public void Extending_does_not_change_the_parents_values()
    {
        var parent = EffectiveValues.Of([Account]);

        _ = parent.Extend(Environment);

        Assert.Equal("gold", parent.Tags["Tier"].Value);
        Assert.Equal("eu-west-1", parent.Config["region"].Value.GetValue<string>());
    }

    [Fact]
    public void Snapshot_lists_owner_tags_and_config_with_sorted_keys_and_no_provenance()
    {
        var snapshot = EffectiveSnapshot.Of(EffectiveValues.Of([Account, Environment]));

        Assert.Equal(
            """{"owner":"group:default/platform","tags":{"CostCenter":"1042","Tier":"platinum"},"config":{"prefix":"acme","region":"us-east-1"}}""",
            snapshot.ToJsonString());
    }

    [Fact]
    public void Structured_config_values_are_inherited_whole()
    {
        var pools = JsonNode.Parse("""{"general":{"size":3}}""")!;
        var platform = Node("k8s", NodeLevel.Platform, Network, config: Config(("nodePools", pools)));

        var values = EffectiveValues.Of([Account, Environment, Network, platform]);

        Assert.True(JsonNode.DeepEquals(pools, values.Config["nodePools"].Value));
    }
}
