using System.Net;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Hierarchy;

/// <summary>The tree as a catalog location another catalog ingests, the seed estate, and the OpenAPI description.</summary>
public abstract class HierarchyLocationAndSeedTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Another_catalog_registers_the_tree_yaml_as_a_url_location_and_ingests_every_node()
    {
        await using var source = await ScaffolderApp.CreateAsync(provider);
        var baseUrl = source.StartOnLoopback();
        using var sourceClient = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var api = new HierarchyClient(sourceClient);
        await api.ImportEstateAsync();
        var hostAndPort = new Uri(baseUrl).Authority;
        await using var consumer = await ScaffolderApp.CreateAsync(provider, settings => settings["Catalog:Locations:AllowedHosts:0"] = hostAndPort);
        var client = consumer.CreateClient();
        var target = $"{baseUrl.TrimEnd('/')}/api/hierarchy/catalog.yaml";

        var yaml = await sourceClient.GetAsync("/api/hierarchy/catalog.yaml");
        var registration = await client.PostJsonAsync("/api/catalog/locations", $$"""{"type":"url","target":"{{target}}"}""");

        Assert.Equal("application/yaml", yaml.Content.Headers.ContentType!.MediaType);
        Assert.True(registration.StatusCode == HttpStatusCode.Created, await registration.Content.ReadAsStringAsync() + consumer.Logs);
        var shop = await (await client.GetAsync("/api/catalog/entities/by-name/component/default/shop")).ReadJsonAsync();
        Assert.Equal("1042", shop["metadata"]!["labels"]!["CostCenter"]!.GetValue<string>());
        Assert.Equal($"url:{target}", shop["metadata"]!["annotations"]!["backstage.io/managed-by-location"]!.GetValue<string>());
        Assert.Contains("dependsOn resource:default/prod-k8s", shop["relations"]!.AsArray().Select(r => $"{r!["type"]} {r["targetRef"]}"));
        var ingested = (await (await client.GetAsync("/api/catalog/entities?filter=metadata.annotations.hierarchy.scaffolder.io/level")).ReadJsonAsync()).AsArray();
        Assert.Equal(8, ingested.Count);
    }

    [Fact]
    public async Task With_the_seed_enabled_an_empty_service_starts_with_the_example_estate_once()
    {
        var database = await global::Scaffolder.Testing.TestDatabases.CreateOptionsAsync(provider);
        void Settings(Dictionary<string, string?> s)
        {
            s["Hierarchy:Seed:Enabled"] = "true";
            s["Database:ConnectionString"] = database.ConnectionString;
        }

        await using (var first = await ScaffolderApp.CreateAsync(provider, Settings))
        {
            var tree = await new HierarchyClient(first.CreateClient()).GetJsonAsync("/tree");
            Assert.Equal(8, tree["totalNodes"]!.GetValue<int>());
            Assert.Equal("acme-cloud", tree["items"]![0]!["name"]!.GetValue<string>());
            var audit = await new HierarchyClient(first.CreateClient()).GetJsonAsync("/audit");
            Assert.All(audit["items"]!.AsArray(), e => Assert.Equal("system:seed", e!["actor"]!.GetValue<string>()));
        }

        await using var second = await ScaffolderApp.CreateAsync(provider, Settings);
        Assert.Equal(8, (await new HierarchyClient(second.CreateClient()).GetJsonAsync("/tree"))["totalNodes"]!.GetValue<int>());
    }

    [Fact]
    public async Task With_the_seed_disabled_the_hierarchy_starts_empty()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);

        var tree = await new HierarchyClient(app.CreateClient()).GetJsonAsync("/tree");

        Assert.Equal(0, tree["totalNodes"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_hierarchy_operations()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);

        var document = await (await app.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var paths = document["paths"]!.AsObject();
        var node = paths["/api/hierarchy/nodes/{namespace}/{name}"]!;
        Assert.Equal("GetHierarchyNode", node["get"]!["operationId"]!.GetValue<string>());
        Assert.Equal("UpdateHierarchyNode", node["patch"]!["operationId"]!.GetValue<string>());
        Assert.Contains(node["patch"]!["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "If-Match");
        Assert.NotNull(node["get"]!["responses"]!["200"]!["content"]!["application/json"]);
        Assert.NotNull(node["patch"]!["responses"]!["409"]);
        foreach (var path in new[] { "/api/hierarchy/nodes", "/api/hierarchy/tree", "/api/hierarchy/audit", "/api/hierarchy/import", "/api/hierarchy/catalog.yaml",
                     "/api/hierarchy/nodes/{namespace}/{name}/plan", "/api/hierarchy/nodes/{namespace}/{name}/revisions", "/api/hierarchy/nodes/{namespace}/{name}/diff" })
        {
            Assert.True(paths.ContainsKey(path), path);
        }

        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.True(schemas.ContainsKey("NodeView"), string.Join(", ", schemas.Select(s => s.Key)));
        Assert.True(schemas.ContainsKey("TreeNodeView"));
    }
}

public sealed class SqliteHierarchyLocationAndSeedTests() : HierarchyLocationAndSeedTests(DatabaseProvider.Sqlite);

public sealed class PostgresHierarchyLocationAndSeedTests() : HierarchyLocationAndSeedTests(DatabaseProvider.Postgres);
