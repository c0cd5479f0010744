using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Lifecycle;
using Scaffolder.Hierarchy.Model;
using Xunit;
using static Scaffolder.Hierarchy.Tests.Infrastructure.Nodes;

namespace Scaffolder.Hierarchy.Tests.Lifecycle;

public sealed class LifecycleRulesTests
{
    private static readonly HierarchyNode Account = Node("acme", NodeLevel.Account, owner: "group:default/a");

    [Theory]
    [InlineData(NodeState.Created, "it is created; plan it first")]
    [InlineData(NodeState.Updated, "it is updated; plan it first")]
    [InlineData(NodeState.Provisioned, "it is already provisioned; plan it again to provision a change")]
    [InlineData(NodeState.Destroyed, "it is destroyed")]
    public void Only_a_planned_node_can_be_provisioned(NodeState state, string reason)
    {
        var node = Node("prod", NodeLevel.Environment, Account, state: state);

        var error = Assert.Throws<ConflictError>(() => LifecycleRules.EnsureCanProvision(node, Account, "{}"));

        Assert.Equal($"Cannot provision environment 'prod': {reason}", error.Message);
    }

    [Fact]
    public void A_node_cannot_be_destroyed_while_a_child_stands()
    {
        var children = new[]
        {
            Node("net-a", NodeLevel.Network, state: NodeState.Destroyed),
            Node("net-b", NodeLevel.Network, state: NodeState.Provisioned),
        };

        var error = Assert.Throws<ConflictError>(() => LifecycleRules.EnsureCanDestroy(Node("prod", NodeLevel.Environment), children));

        Assert.Equal("Cannot destroy environment 'prod' while network 'net-b' (provisioned) is below it not destroyed; destroy them first", error.Message);
    }

    [Fact]
    public void A_node_must_be_destroyed_before_it_is_deleted()
    {
        var error = Assert.Throws<ConflictError>(() => LifecycleRules.EnsureCanDelete(Node("prod", NodeLevel.Environment, state: NodeState.Provisioned), []));

        Assert.Equal("Cannot delete environment 'prod': it is provisioned; destroy it first", error.Message);
    }

    [Fact]
    public void Nothing_can_be_created_under_a_destroyed_parent()
    {
        var parent = Node("prod", NodeLevel.Environment, state: NodeState.Destroyed);

        var error = Assert.Throws<ConflictError>(() => LifecycleRules.EnsureCanCreateUnder(parent, "net"));

        Assert.Equal("Cannot put 'net' under environment 'prod': it is destroyed", error.Message);
    }

    [Fact]
    public void An_edit_of_a_never_provisioned_node_keeps_it_created_and_of_a_provisioned_one_makes_it_updated()
    {
        Assert.Equal(NodeState.Created, LifecycleRules.AfterEdit(Node("prod", NodeLevel.Environment, state: NodeState.Planned)));
        var provisioned = HierarchyNode.FromRecord(Node("prod", NodeLevel.Environment).Record with { State = "provisioned", ProvisionedRevision = 3 });
        Assert.Equal(NodeState.Updated, LifecycleRules.AfterEdit(provisioned));
    }
}
