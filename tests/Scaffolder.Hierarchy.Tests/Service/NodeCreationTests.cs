using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Tests.Infrastructure;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Hierarchy.Tests.Service;

/// <summary>Creating nodes: levels, parents, names, owners; every rejected request leaves nothing behind.</summary>
public abstract class NodeCreationTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_created_node_starts_at_revision_1_in_state_created_with_its_level_default_abstract_flag()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);

        var account = await h.CreateAsync("""{"name":"acme","owner":"team-a"}""");
        var env = await h.CreateAsync("""{"name":"prod","level":"environment","parent":"acme"}""");
        var net = await h.CreateAsync("""{"name":"net","parent":"prod"}""");

        Assert.Equal(("account", "created", 1L, true), (account.Level, account.State, account.Revision, account.Abstract));
        Assert.Equal(("environment", true), (env.Level, env.Abstract));
        Assert.Equal(("network", false), (net.Level, net.Abstract));
        Assert.Equal(["acme", "prod", "net"], net.Path);
        Assert.Equal("group:default/team-a", account.Owner);
    }

    [Fact]
    public async Task Nested_children_are_created_with_their_parent_in_one_request()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);

        var result = await h.ImportStandardEstateAsync();

        Assert.Equal(8, result.Created);
        Assert.Equal(["acme"], result.Roots);
        Assert.Equal("app", (await h.GetAsync("shop")).Level);
    }

    [Theory]
    [InlineData("""{"name":"net","level":"network","parent":"acme"}""", "node: the parent of a network must be an environment, but account 'acme' is an account")]
    [InlineData("""{"name":"x","level":"account","parent":"prod"}""", "node: an account has no parent, so 'x' cannot go under environment 'prod'")]
    [InlineData("""{"name":"net","level":"network"}""", "node: a network needs a parent (an environment); give \"parent\"")]
    [InlineData("""{"name":"x","parent":"shop"}""", "node: cannot put 'x' under app 'shop': an app has no children")]
    [InlineData("""{"name":"net","parent":"nowhere"}""", "node.parent: there is no node 'nowhere' in namespace 'default'")]
    [InlineData("""{"name":"lone"}""", "node.owner is required on an account (a Group or User ref); the nodes below inherit it")]
    [InlineData("""{"name":"bad name!","owner":"t"}""", "Invalid node.name \"bad name!\"")]
    [InlineData("""{"name":"x","owner":"component:svc"}""", "Invalid node.owner \"component:svc\": an owner is a Group or a User, not a component")]
    [InlineData("""{"name":"x","owner":"t","namespace":"Bad_NS"}""", "Invalid node.namespace \"Bad_NS\"")]
    [InlineData("""{"name":"x","parent":"prod","tags":{"Env":"a","env":"b"}}""", "Tag 'env' of 'x' differs only in letter case from tag 'Env'")]
    [InlineData("""{"name":"y","owner":"t","children":[{"name":"y2"},{"name":"Y2"}]}""", "node.children[1].name \"Y2\" is given to more than one node")]
    public async Task Bad_input_is_an_input_error_and_nothing_is_written(string json, string message)
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        var before = await h.CountsAsync();

        var error = await Assert.ThrowsAsync<InputError>(() => h.CreateAsync(json));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await h.CountsAsync());
    }

    [Fact]
    public async Task A_name_taken_in_the_namespace_ignoring_case_is_a_conflict()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        var before = await h.CountsAsync();

        var error = await Assert.ThrowsAsync<ConflictError>(() => h.CreateAsync("""{"name":"PROD-net","parent":"dev"}"""));

        Assert.StartsWith("A node named 'prod-net' already exists in namespace 'default'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await h.CountsAsync());
    }

    [Fact]
    public async Task The_same_name_may_be_used_in_another_namespace()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        var other = await h.CreateAsync("""{"name":"acme","namespace":"team-b","owner":"team-b","children":[{"name":"prod"}]}""");

        Assert.Equal("team-b", other.Namespace);
        Assert.Equal("resource:team-b/acme", other.EntityRef);
        Assert.Equal("group:team-b/team-b", other.Owner);
    }

    [Fact]
    public async Task A_failing_node_deep_in_an_import_rejects_the_whole_import()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);

        await Assert.ThrowsAsync<InputError>(() => h.Service.ImportAsync(Scaffolder.Hierarchy.Seed.EstateFile.Parse("""
            nodes:
              - name: good
                owner: team
                children:
                  - name: env
                    children:
                      - name: net
                        level: platform
            """)));

        Assert.Equal((0L, 0L, 0L, 0L), await h.CountsAsync());
    }
}

public sealed class SqliteNodeCreationTests() : NodeCreationTests(DatabaseProvider.Sqlite);

public sealed class PostgresNodeCreationTests() : NodeCreationTests(DatabaseProvider.Postgres);
