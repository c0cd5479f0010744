using System.Net;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Storage;
using Xunit;
using static Scaffolder.Api.Tests.Catalog.EntityQueryApiTests;

namespace Scaffolder.Api.Tests.Catalog;

/// <summary>validate-entity, analyze-location and the locations registered at start-up.</summary>
public abstract class CatalogMiscApiTests(DatabaseProvider provider)
{
    private const string ValidComponent = """
        {"entity": {"apiVersion": "backstage.io/v1alpha1", "kind": "Component",
                    "metadata": {"name": "ok"}, "spec": {"type": "service", "lifecycle": "production", "owner": "team-a"}},
         "location": "url:https://example.com/catalog-info.yaml"}
        """;

    [Fact]
    public async Task Validate_entity_answers_200_with_an_empty_body_for_a_valid_entity()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        using var client = app.CreateClient();

        var response = await client.PostJsonAsync("/api/catalog/validate-entity", ValidComponent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"entity": {"apiVersion": "backstage.io/v1alpha1", "kind": "Component", "metadata": {"name": "bad name"}, "spec": {}}, "location": "url:https://x/y"}""", "metadata.name")]
    [InlineData("""{"entity": {"apiVersion": "backstage.io/v1alpha1", "kind": "Component", "metadata": {"name": "x"}, "spec": {"type": "service"}}, "location": "url:https://x/y"}""", "must have required property 'lifecycle'")]
    [InlineData("""{"entity": {"kind": "Component", "metadata": {"name": "x"}}, "location": "url:https://x/y"}""", "Malformed envelope")]
    [InlineData("""{"entity": {"apiVersion": "backstage.io/v1alpha1", "kind": "Component", "metadata": {"name": "x"}, "spec": {"type": "s", "lifecycle": "l", "owner": "o"}}, "location": "file:/x/y"}""", "only 'url:' is supported")]
    [InlineData("""{"entity": 5, "location": "url:https://x/y"}""", "entity must be an object")]
    public async Task Validate_entity_answers_400_with_an_errors_list(string body, string expected)
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        using var client = app.CreateClient();

        var response = await client.PostJsonAsync("/api/catalog/validate-entity", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["message"]!.GetValue<string>().Contains(expected, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e!["name"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Analyze_location_rejects_targets_that_are_not_urls()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        using var client = app.CreateClient();

        var error = await AssertErrorAsync(
            await client.PostJsonAsync("/api/catalog/analyze-location", """{"location": {"type": "url", "target": "not-a-url"}}"""),
            HttpStatusCode.BadRequest,
            "InputError");

        Assert.Equal("The given location.target is not a URL", error["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Analyze_location_reports_existing_catalog_files_or_proposes_an_entity()
    {
        await using var server = await StaticHttpServer.StartAsync();
        server.Serve("/repo/catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: found\nspec:\n  type: service\n  lifecycle: production\n  owner: me\n");
        await using var app = await ScaffolderApp.CreateAsync(provider, s => s["Catalog:Locations:AllowedHosts:0"] = server.HostAndPort);
        using var client = app.CreateClient();

        var existing = await (await client.PostJsonAsync("/api/catalog/analyze-location", new JsonObject { ["location"] = new JsonObject { ["type"] = "url", ["target"] = $"{server.BaseUrl}/repo" } })).ReadJsonAsync();
        var proposed = await (await client.PostJsonAsync("/api/catalog/analyze-location", new JsonObject { ["location"] = new JsonObject { ["type"] = "url", ["target"] = $"{server.BaseUrl}/other-repo" } })).ReadJsonAsync();

        var file = existing["existingEntityFiles"]!.AsArray().Single()!;
        Assert.Equal("found", file["entity"]!["metadata"]!["name"]!.GetValue<string>());
        Assert.False(file["isRegistered"]!.GetValue<bool>());
        Assert.Equal($"{server.BaseUrl}/repo/catalog-info.yaml", file["location"]!["target"]!.GetValue<string>());
        Assert.Empty(existing["generateEntities"]!.AsArray());
        var proposal = proposed["generateEntities"]!.AsArray().Single()!;
        Assert.Equal("other-repo", proposal["entity"]!["metadata"]!["name"]!.GetValue<string>());
        Assert.Contains(proposal["fields"]!.AsArray(), f => f!["field"]!.GetValue<string>() == "spec.owner" && f["state"]!.GetValue<string>() == "needsUserInput");
    }

    [Fact]
    public async Task The_service_registers_its_own_catalog_info_and_every_template_at_start_up()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider, prepareRoot: root =>
        {
            File.WriteAllText(Path.Combine(root, "catalog-info.yaml"), "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: self\nspec:\n  owner: me\n");
            foreach (var name in new[] { "alpha", "beta" })
            {
                Directory.CreateDirectory(Path.Combine(root, "templates", name));
                File.WriteAllText(Path.Combine(root, "templates", name, "template.yaml"),
                    $"apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: {name}\nspec:\n  type: service\n  steps:\n    - action: debug:log\n");
            }

            Directory.CreateDirectory(Path.Combine(root, "templates", "not-a-template"));
        });
        using var client = app.CreateClient();

        var targets = (await (await client.GetAsync("/api/catalog/locations")).ReadJsonAsync()).AsArray().Select(l => l!["data"]!["target"]!.GetValue<string>()).ToList();

        Assert.Equal(
            [Path.Combine(app.Root, "catalog-info.yaml"), Path.Combine(app.Root, "templates", "alpha", "template.yaml"), Path.Combine(app.Root, "templates", "beta", "template.yaml")],
            targets.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/catalog/entities/by-name/template/default/beta")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/catalog/entities/by-name/system/default/self")).StatusCode);
    }

    [Fact]
    public async Task A_broken_template_is_logged_at_start_up_and_does_not_stop_the_service()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider, prepareRoot: root =>
        {
            Directory.CreateDirectory(Path.Combine(root, "templates", "broken"));
            File.WriteAllText(Path.Combine(root, "templates", "broken", "template.yaml"), "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: broken\nspec: {}\n");
        });
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("broken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_endpoints_answer_without_authentication()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider);
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }
}

public sealed class SqliteCatalogMiscApiTests() : CatalogMiscApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresCatalogMiscApiTests() : CatalogMiscApiTests(DatabaseProvider.Postgres);
