using System.Net;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Hierarchy;

/// <summary>Nodes over HTTP: create, read with provenance, update with ETags, move, and bad input in Backstage's error body.</summary>
public abstract class HierarchyNodeApiTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Creating_a_node_answers_201_with_its_location_etag_and_view()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());

        var response = await api.PostAsync("/nodes", """{"name":"acme","owner":"team-a","tags":{"CostCenter":"1"}}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/hierarchy/nodes/default/acme", response.Headers.Location!.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag!.ToString());
        var node = await response.ReadJsonAsync();
        Assert.Equal("account", node["level"]!.GetValue<string>());
        Assert.Equal("resource:default/acme", node["entityRef"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reading_a_leaf_gives_effective_values_with_provenance_and_its_revision_as_etag()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());
        await api.ImportEstateAsync();

        var response = await api.GetAsync("/nodes/default/shop");

        Assert.Equal("\"1\"", response.Headers.ETag!.ToString());
        var node = await response.ReadJsonAsync();
        Assert.Equal("1042", node["effective"]!["tags"]!["CostCenter"]!["value"]!.GetValue<string>());
        Assert.Equal("acme", node["effective"]!["tags"]!["CostCenter"]!["from"]!.GetValue<string>());
        Assert.Equal("account", node["effective"]!["tags"]!["CostCenter"]!["fromLevel"]!.GetValue<string>());
        Assert.Equal("acme", node["effective"]!["tags"]!["CostCenter"]!["lockedBy"]!.GetValue<string>());
        Assert.Equal("prod-k8s", node["effective"]!["tags"]!["Platform"]!["from"]!.GetValue<string>());
        Assert.Equal("eu-west-1", node["effective"]!["config"]!["region"]!["value"]!.GetValue<string>());
        Assert.Equal("group:default/team-a", node["effective"]!["owner"]!["value"]!.GetValue<string>());
        Assert.Equal(["acme", "prod", "prod-net", "prod-k8s", "shop"], node["path"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task An_update_with_the_current_etag_applies_and_a_stale_one_is_a_409_that_changes_nothing()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());
        await api.ImportEstateAsync();

        var first = await api.PatchAsync("/nodes/default/prod", """{"title":"Production"}""", ifMatch: "\"1\"");
        var stale = await api.PatchAsync("/nodes/default/prod", """{"title":"Prod!"}""", ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"2\"", first.Headers.ETag!.ToString());
        await HierarchyClient.AssertErrorAsync(
            stale, 409, "ConflictError", "environment 'prod' is at revision 2, not 1", "/nodes/default/prod");
        var node = await api.GetJsonAsync("/nodes/default/prod");
        Assert.Equal(("Production", 2), (node["title"]!.GetValue<string>(), node["revision"]!.GetValue<int>()));
    }

    [Fact]
    public async Task An_ancestor_change_is_visible_in_the_next_read_of_every_descendant_and_its_catalog_entity()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());
        await api.ImportEstateAsync();

        await api.PatchAsync("/nodes/default/acme", """{"tags":{"Tier":"platinum"}}""");

        var shop = await api.GetJsonAsync("/nodes/default/shop");
        Assert.Equal("platinum", shop["effective"]!["tags"]!["Tier"]!["value"]!.GetValue<string>());
        var entity = await (await api.Http.GetAsync("/api/catalog/entities/by-name/component/default/shop")).ReadJsonAsync();
        Assert.Equal("platinum", entity["metadata"]!["labels"]!["Tier"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/nodes", """{"name":"x","level":"network","parent":"acme"}""", 400, "InputError", "node: the parent of a network must be an environment")]
    [InlineData("/nodes", """{"name":"x","parent":"missing"}""", 400, "InputError", "node.parent: there is no node 'missing' in namespace 'default'")]
    [InlineData("/nodes", """{"name":"x","parent":"prod-k8s","tags":{"CostCenter":"9"}}""", 409, "ConflictError", "Tag 'CostCenter' is locked by account 'acme'; app 'x' cannot override it")]
    [InlineData("/nodes", """{"name":"shop","parent":"prod-k8s"}""", 409, "ConflictError", "A node named 'shop' already exists")]
    [InlineData("/nodes", """{"name":"x","flavour":"y"}""", 400, "InputError", "Unknown field \"flavour\" in node")]
    [InlineData("/nodes/default/prod/move", """{"parent":"prod-k8s"}""", 400, "InputError", "Cannot move environment 'prod' under 'prod-k8s'")]
    [InlineData("/nodes/default/shop/move", """{"parent":"prod"}""", 400, "InputError", "Cannot move app 'shop' under environment 'prod': the parent of an app must be a platform")]
    [InlineData("/nodes/default/shop/provision", null, 409, "ConflictError", "Cannot provision app 'shop': it is created; plan it first")]
    [InlineData("/nodes/default/prod/destroy", null, 409, "ConflictError", "Cannot destroy environment 'prod' while network 'prod-net' (created) is below it not destroyed")]
    [InlineData("/nodes/default/nope/plan", null, 404, "NotFoundError", "No node named 'nope' in namespace 'default'")]
    public async Task Bad_requests_get_a_clear_error_in_backstages_body_and_change_nothing(string path, string? json, int status, string name, string message)
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());
        await api.ImportEstateAsync();
        var auditBefore = (await api.GetJsonAsync("/audit?limit=1000"))["items"]!.AsArray().Count;

        var response = await api.PostAsync(path, json);

        await HierarchyClient.AssertErrorAsync(response, status, name, message, path);
        Assert.Equal(auditBefore, (await api.GetJsonAsync("/audit?limit=1000"))["items"]!.AsArray().Count);
        Assert.Equal(8, (await api.GetJsonAsync("/tree"))["totalNodes"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_patch_that_overrides_a_locked_key_is_a_409_naming_the_locking_ancestor()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());
        await api.ImportEstateAsync();

        var response = await api.PatchAsync("/nodes/default/dev-net", """{"tags":{"CostCenter":"0"}}""");

        await HierarchyClient.AssertErrorAsync(
            response, 409, "ConflictError", "Tag 'CostCenter' is locked by account 'acme'; network 'dev-net' cannot override it", "/nodes/default/dev-net");
    }

    [Fact]
    public async Task A_malformed_if_match_is_an_input_error()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());
        await api.ImportEstateAsync();

        var response = await api.PatchAsync("/nodes/default/prod", """{"title":"x"}""", ifMatch: "\"abc\"");

        await HierarchyClient.AssertErrorAsync(response, 400, "InputError", "If-Match must be one node ETag", "/nodes/default/prod");
    }

    [Fact]
    public async Task Moving_a_node_reparents_its_subtree_and_answers_with_the_new_etag()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());
        await api.ImportEstateAsync();

        var response = await api.PostAsync("/nodes/default/prod-net/move", """{"parent":"dev"}""", ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.ToString());
        var shop = await api.GetJsonAsync("/nodes/default/shop");
        Assert.Equal("us-east-1", shop["effective"]!["config"]!["region"]!["value"]!.GetValue<string>());
        Assert.Equal(["acme", "dev", "prod-net", "prod-k8s", "shop"], shop["path"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task Lists_filter_by_level_effective_owner_and_effective_tags()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        var api = new HierarchyClient(app.CreateClient());
        await api.ImportEstateAsync();

        Assert.Equal(["api", "shop"], Names(await api.GetJsonAsync("/nodes?level=app")));
        Assert.Equal(["api"], Names(await api.GetJsonAsync("/nodes?owner=user:alice")));
        Assert.Equal(["api", "prod", "prod-k8s", "prod-net", "shop"], Names(await api.GetJsonAsync("/nodes?tag=Env=prod&tag=CostCenter=1042")));
        Assert.Equal(["prod-k8s"], Names(await api.GetJsonAsync("/nodes?tag=Platform&level=platform&state=created")));
        Assert.Equal(["api", "shop"], Names(await api.GetJsonAsync("/nodes/default/prod-k8s/children")));
        var page = await api.GetJsonAsync("/nodes?limit=2&offset=1");
        Assert.Equal((8, 2), (page["totalItems"]!.GetValue<int>(), page["items"]!.AsArray().Count));
        await HierarchyClient.AssertErrorAsync(await api.GetAsync("/nodes?limit=x"), 400, "InputError", "Invalid limit \"x\"", "/nodes?limit=x");
    }

    private static List<string> Names(System.Text.Json.Nodes.JsonNode page) =>
        page["items"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToList();
}

public sealed class SqliteHierarchyNodeApiTests() : HierarchyNodeApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresHierarchyNodeApiTests() : HierarchyNodeApiTests(DatabaseProvider.Postgres);
