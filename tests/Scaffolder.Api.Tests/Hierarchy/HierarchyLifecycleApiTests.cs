using System.Net;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Hierarchy;

/// <summary>Lifecycle steps, revisions, diffs, audit and trees over HTTP.</summary>
public abstract class HierarchyLifecycleApiTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Plan_provision_destroy_and_delete_move_a_node_through_its_lifecycle()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());
        await api.ImportEstateAsync();

        var plan = await (await api.PostAsync("/nodes/default/shop/plan", ifMatch: "\"1\"")).ReadJsonAsync();
        var provision = await api.PostAsync("/nodes/default/shop/provision", ifMatch: "\"2\"");
        var destroy = await api.PostAsync("/nodes/default/shop/destroy");
        var delete = await api.DeleteAsync("/nodes/default/shop", ifMatch: "\"4\"");

        Assert.Equal("planned", plan["node"]!["state"]!.GetValue<string>());
        Assert.Equal("1042", plan["changes"]!["added"]!["tags.CostCenter"]!.GetValue<string>());
        Assert.True(plan["changes"]!["hasChanges"]!.GetValue<bool>());
        Assert.Equal(("provisioned", "\"3\""), ((await provision.ReadJsonAsync())["state"]!.GetValue<string>(), provision.Headers.ETag!.ToString()));
        Assert.Equal("destroyed", (await destroy.ReadJsonAsync())["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync("/api/catalog/entities/by-name/component/default/shop")).StatusCode);
        Assert.Equal("deleted", (await api.GetJsonAsync("/nodes/default/shop"))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revisions_list_every_change_and_diffs_compare_any_two()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());
        await api.ImportEstateAsync();
        await api.PatchAsync("/nodes/default/prod", """{"tags":{"Env":"production"},"config":{"zones":3}}""");
        await api.PostAsync("/nodes/default/prod/plan");

        var revisions = await api.GetJsonAsync("/nodes/default/prod/revisions");
        var second = await api.GetJsonAsync("/nodes/default/prod/revisions/2");
        var diff = await api.GetJsonAsync("/nodes/default/prod/diff?from=1");

        Assert.Equal(["create", "update", "plan"], revisions["items"]!.AsArray().Select(r => r!["operation"]!.GetValue<string>()));
        Assert.Equal("anonymous", second["actor"]!.GetValue<string>());
        Assert.Equal("production", second["snapshot"]!["tags"]!["Env"]!.GetValue<string>());
        Assert.Equal(3, diff["to"]!.GetValue<int>());
        Assert.Equal(3, diff["changes"]!["added"]!["config.zones"]!.GetValue<int>());
        Assert.Equal("prod", diff["changes"]!["changed"]!["tags.Env"]!["from"]!.GetValue<string>());
        Assert.Equal("planned", diff["changes"]!["changed"]!["state"]!["to"]!.GetValue<string>());
        await HierarchyClient.AssertErrorAsync(
            await api.GetAsync("/nodes/default/prod/revisions/7"), 404, "NotFoundError", "environment 'prod' has no revision 7", "/nodes/default/prod/revisions/7");
        await HierarchyClient.AssertErrorAsync(
            await api.GetAsync("/nodes/default/prod/diff"), 400, "InputError", "Invalid from", "/nodes/default/prod/diff");
    }

    [Fact]
    public async Task The_audit_log_records_anonymous_changes_per_node_and_for_the_tree()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());
        await api.ImportEstateAsync();
        await api.PostAsync("/nodes/default/prod-net/move", """{"parent":"dev"}""");

        var node = await api.GetJsonAsync("/nodes/default/prod-net/audit");
        var tree = await api.GetJsonAsync("/audit?action=create&limit=3");

        var move = node["items"]![0]!;
        Assert.Equal(("move", "anonymous"), (move["action"]!.GetValue<string>(), move["actor"]!.GetValue<string>()));
        Assert.Equal(("prod", "dev"), (move["before"]!["parent"]!.GetValue<string>(), move["after"]!["parent"]!.GetValue<string>()));
        Assert.Equal(3, tree["items"]!.AsArray().Count);
        Assert.NotNull(tree["nextCursor"]);
        var next = await api.GetJsonAsync($"/audit?action=create&limit=10&cursor={tree["nextCursor"]!.GetValue<string>()}");
        Assert.Equal(5, next["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_tree_and_subtrees_are_nested_json()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());
        await api.ImportEstateAsync();

        var tree = await api.GetJsonAsync("/tree");
        var subtree = await api.GetJsonAsync("/nodes/default/prod-net/tree?effective=true");

        var acme = tree["items"]![0]!;
        Assert.Equal(["dev", "prod"], acme["children"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Null(acme["tags"]);
        Assert.Equal("prod-k8s", subtree["children"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("kubernetes", subtree["children"]![0]!["children"]![0]!["tags"]!["Platform"]!.GetValue<string>());
        Assert.Equal("gold", subtree["tags"]!["Tier"]!.GetValue<string>());
    }

    [Fact]
    public async Task Imports_accept_json_and_reject_bad_yaml_with_an_input_error()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());

        var json = await api.PostAsync("/import", """{"nodes":[{"name":"solo","owner":"team"}]}""");
        var yaml = await api.ImportYamlAsync("nodes: [ {name: broken");

        Assert.Equal(HttpStatusCode.Created, json.StatusCode);
        Assert.Equal(1, (await json.ReadJsonAsync())["created"]!.GetValue<int>());
        await HierarchyClient.AssertErrorAsync(yaml, 400, "InputError", "The estate is not valid YAML or JSON", "/import");
    }

    [Fact]
    public async Task Projected_nodes_are_ordinary_catalog_entities_that_catalog_filters_find()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());
        await api.ImportEstateAsync();

        var response = await api.Http.GetAsync("/api/catalog/entities?filter=kind=component,metadata.labels.Env=prod");
        var apps = (await response.ReadJsonAsync()).AsArray();
        var platform = await (await api.Http.GetAsync("/api/catalog/entities/by-name/resource/default/prod-k8s")).ReadJsonAsync();

        Assert.Equal(["api", "shop"], apps.Select(e => e!["metadata"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("platform", platform["spec"]!["type"]!.GetValue<string>());
        var relations = platform["relations"]!.AsArray().Select(r => $"{r!["type"]} {r["targetRef"]}").ToList();
        Assert.Contains("dependsOn resource:default/prod-net", relations);
        Assert.Contains("dependencyOf component:default/shop", relations);
        Assert.Contains("ownedBy group:default/team-a", relations);
    }
}

public sealed class SqliteHierarchyLifecycleApiTests() : HierarchyLifecycleApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresHierarchyLifecycleApiTests() : HierarchyLifecycleApiTests(DatabaseProvider.Postgres);
