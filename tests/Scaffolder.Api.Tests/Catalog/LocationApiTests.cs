using System.Net;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Storage;
using Xunit;
using static Scaffolder.Api.Tests.Catalog.EntityQueryApiTests;

namespace Scaffolder.Api.Tests.Catalog;

/// <summary>Registering, reading, refreshing and removing locations; each test on its own fresh service.</summary>
public abstract class LocationApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Component = """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: {0}
        spec:
          type: service
          lifecycle: production
          owner: team-a
        """;

    private ScaffolderApp _app = null!;

    private HttpClient Client { get; set; } = null!;

    public async Task InitializeAsync()
    {
        _app = await ScaffolderApp.CreateAsync(provider, settings => settings["Catalog:Locations:AllowedHosts:0"] = "127.0.0.1:*");
        Client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Adding_a_location_answers_201_with_the_location_and_ingests_its_entities()
    {
        var path = _app.WriteFile("a/catalog-info.yaml", string.Format(Component, "svc-a") + "\n---\n" + string.Format(Component, "svc-b"));

        var response = await AddAsync("file", path);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.ReadJsonAsync()).AsObject();
        Assert.False(body.ContainsKey("exists"));
        Assert.Empty(body["entities"]!.AsArray());
        var location = body["location"]!;
        Assert.Matches("^[0-9a-f-]{36}$", location["id"]!.GetValue<string>());
        Assert.Equal("file", location["type"]!.GetValue<string>());
        Assert.Equal(path, location["target"]!.GetValue<string>());
        Assert.StartsWith("location:default/generated-", location["entityRef"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/catalog/entities/by-name/component/default/svc-b")).StatusCode);

        var listed = (await (await Client.GetAsync("/api/catalog/locations")).ReadJsonAsync()).AsArray();
        Assert.Contains(listed, l => l!["data"]!["target"]!.GetValue<string>() == path);
        var byId = await (await Client.GetAsync($"/api/catalog/locations/{location["id"]}")).ReadJsonAsync();
        Assert.Equal(path, byId["target"]!.GetValue<string>());
        var byEntity = await (await Client.GetAsync("/api/catalog/locations/by-entity/component/default/svc-a")).ReadJsonAsync();
        Assert.Equal(location["id"]!.GetValue<string>(), byEntity["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dry_run_returns_processed_entities_including_the_generated_location_and_stores_nothing()
    {
        var path = _app.WriteFile("dry/catalog-info.yaml", string.Format(Component, "dry"));

        var response = await Client.PostJsonAsync("/api/catalog/locations?dryRun=true", new JsonObject { ["type"] = "file", ["target"] = path });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.False(body["exists"]!.GetValue<bool>());
        Assert.Equal($"file:{path}", body["location"]!["id"]!.GetValue<string>());
        var kinds = body["entities"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["Component", "Location"], kinds);
        var component = body["entities"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "Component")!;
        Assert.Equal("default", component["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/catalog/entities/by-name/component/default/dry")).StatusCode);
        Assert.Empty((await (await Client.GetAsync("/api/catalog/locations")).ReadJsonAsync()).AsArray());
    }

    [Fact]
    public async Task Adding_the_same_location_twice_is_a_409_and_dry_run_reports_it_exists()
    {
        var path = _app.WriteFile("twice.yaml", string.Format(Component, "twice"));
        Assert.Equal(HttpStatusCode.Created, (await AddAsync("file", path)).StatusCode);

        var error = await AssertErrorAsync(await AddAsync("file", path), HttpStatusCode.Conflict, "ConflictError");
        Assert.Equal($"Location file:{path} already exists", error["error"]!["message"]!.GetValue<string>());
        var dryRun = await Client.PostJsonAsync("/api/catalog/locations?dryRun=true", new JsonObject { ["type"] = "file", ["target"] = path });
        Assert.True((await dryRun.ReadJsonAsync())["exists"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"type":"file"}""")]
    [InlineData("""{"target":"x"}""")]
    [InlineData("""{"type":"file","target":"x","extra":true}""")]
    [InlineData("""{"type":"file","target":"x","presence":"sometimes"}""")]
    [InlineData("""{"type":"ftp","target":"ftp://example.com/catalog.yaml"}""")]
    [InlineData("""{"type":"url","target":"not a url"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"type":"file",""")]
    public async Task Malformed_location_requests_are_a_400_and_store_nothing(string body)
    {
        await AssertErrorAsync(await Client.PostJsonAsync("/api/catalog/locations", body), HttpStatusCode.BadRequest, "InputError");
        Assert.Empty((await (await Client.GetAsync("/api/catalog/locations")).ReadJsonAsync()).AsArray());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400()
    {
        var response = await Client.PostAsync("/api/catalog/locations", new StringContent("type=file", System.Text.Encoding.UTF8, "text/plain"));
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "InputError");
    }

    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        var response = await Client.PostJsonAsync("/api/catalog/locations", $$"""{"type":"file","target":"{{new string('x', 3 * 1024 * 1024)}}"}""");
        await AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "PayloadTooLargeError");
    }

    [Fact]
    public async Task A_location_with_malformed_yaml_is_refused_with_the_position_and_nothing_is_stored()
    {
        var path = _app.WriteFile("broken.yaml", string.Format(Component, "good") + "\n---\nkind: [unclosed\n");

        var error = await AssertErrorAsync(await AddAsync("file", path), HttpStatusCode.BadRequest, "InputError");

        Assert.Contains("YAML syntax error at line", error["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await (await Client.GetAsync("/api/catalog/locations")).ReadJsonAsync()).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/catalog/entities/by-name/component/default/good")).StatusCode);
    }

    [Fact]
    public async Task A_location_with_an_invalid_entity_is_refused_with_what_to_fix()
    {
        var path = _app.WriteFile("invalid.yaml", string.Format(Component, "Not Valid!"));

        var error = await AssertErrorAsync(await AddAsync("file", path), HttpStatusCode.BadRequest, "InputError");

        var message = error["error"]!["message"]!.GetValue<string>();
        Assert.Contains("\"metadata.name\" is not valid", message, StringComparison.Ordinal);
        Assert.Contains("Not Valid!", message, StringComparison.Ordinal);
        Assert.Empty((await (await Client.GetAsync("/api/catalog/locations")).ReadJsonAsync()).AsArray());
    }

    [Fact]
    public async Task Unknown_kinds_are_refused()
    {
        var path = _app.WriteFile("kind.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec: {}\n");

        var error = await AssertErrorAsync(await AddAsync("file", path), HttpStatusCode.BadRequest, "InputError");

        Assert.Contains("No processor recognized the entity widget:default/w as valid", error["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_refused_unless_optional()
    {
        var missing = Path.Combine(_app.Root, "missing.yaml");

        await AssertErrorAsync(await AddAsync("file", missing), HttpStatusCode.BadRequest, "InputError");
        var optional = await Client.PostJsonAsync("/api/catalog/locations", new JsonObject { ["type"] = "file", ["target"] = missing, ["presence"] = "optional" });
        Assert.Equal(HttpStatusCode.Created, optional.StatusCode);
    }

    [Fact]
    public async Task Files_outside_the_configured_roots_cannot_be_read()
    {
        await AssertErrorAsync(await AddAsync("file", "/etc/passwd"), HttpStatusCode.Forbidden, "NotAllowedError");
        await AssertErrorAsync(await AddAsync("file", Path.Combine(_app.Root, "..", "elsewhere.yaml")), HttpStatusCode.Forbidden, "NotAllowedError");
    }

    [Fact]
    public async Task A_symbolic_link_out_of_the_roots_cannot_be_read()
    {
        var link = Path.Combine(_app.Root, "link.yaml");
        File.CreateSymbolicLink(link, "/etc/hostname");

        await AssertErrorAsync(await AddAsync("file", link), HttpStatusCode.Forbidden, "NotAllowedError");
    }

    [Fact]
    public async Task Url_locations_are_read_from_allowed_hosts_only()
    {
        await using var server = await StaticHttpServer.StartAsync();
        var url = server.Serve("/catalog-info.yaml", string.Format(Component, "from-url"));
        await using var strict = await ScaffolderApp.CreateAsync(provider);
        using var strictClient = strict.CreateClient();

        var refused = await strictClient.PostJsonAsync("/api/catalog/locations", new JsonObject { ["type"] = "url", ["target"] = url });
        var error = await AssertErrorAsync(refused, HttpStatusCode.Forbidden, "NotAllowedError");
        Assert.Contains("Catalog:Locations:AllowedHosts", error["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        await using var open = await ScaffolderApp.CreateAsync(provider, s => s["Catalog:Locations:AllowedHosts:0"] = server.HostAndPort);
        using var openClient = open.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await openClient.PostJsonAsync("/api/catalog/locations", new JsonObject { ["type"] = "url", ["target"] = url })).StatusCode);
        var entity = await (await openClient.GetAsync("/api/catalog/entities/by-name/component/default/from-url")).ReadJsonAsync();
        Assert.Equal(url, entity["metadata"]!["annotations"]!["backstage.io/view-url"]!.GetValue<string>());
        Assert.Equal($"url:{server.BaseUrl}/", entity["metadata"]!["annotations"]!["backstage.io/source-location"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_redirect_to_a_host_that_is_not_allowed_is_not_followed()
    {
        await using var server = await StaticHttpServer.StartAsync();
        var url = server.Redirect("/moved.yaml", "http://example.invalid/catalog-info.yaml");
        await using var app = await ScaffolderApp.CreateAsync(provider, s => s["Catalog:Locations:AllowedHosts:0"] = server.HostAndPort);
        using var client = app.CreateClient();

        await AssertErrorAsync(
            await client.PostJsonAsync("/api/catalog/locations", new JsonObject { ["type"] = "url", ["target"] = url }),
            HttpStatusCode.Forbidden,
            "NotAllowedError");
    }

    [Fact]
    public async Task Location_entities_lead_to_further_files_relative_to_their_own()
    {
        _app.WriteFile("tree/services/one.yaml", string.Format(Component, "one"));
        _app.WriteFile("tree/services/nested/two.yaml", string.Format(Component, "two"));
        _app.WriteFile("tree/services/all.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: services\nspec:\n  targets: [./one.yaml, nested/two.yaml]\n");
        var root = _app.WriteFile("tree/root.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  target: ./services/all.yaml\n");

        Assert.Equal(HttpStatusCode.Created, (await AddAsync("file", root)).StatusCode);

        var two = await (await Client.GetAsync("/api/catalog/entities/by-name/component/default/two")).ReadJsonAsync();
        Assert.Equal($"file:{Path.Combine(_app.Root, "tree/services/nested/two.yaml")}", two["metadata"]!["annotations"]!["backstage.io/managed-by-location"]!.GetValue<string>());
        Assert.Equal($"file:{root}", two["metadata"]!["annotations"]!["backstage.io/managed-by-origin-location"]!.GetValue<string>());
        var ancestry = await (await Client.GetAsync("/api/catalog/entities/by-name/component/default/two/ancestry")).ReadJsonAsync();
        Assert.Equal(["component:default/two", "location:default/services", "location:default/root"],
            ancestry["items"]!.AsArray().Select(i => $"{i!["entity"]!["kind"]!.GetValue<string>().ToLowerInvariant()}:default/{i["entity"]!["metadata"]!["name"]}").Take(3).ToList());
    }

    [Fact]
    public async Task Text_placeholders_are_filled_from_files_next_to_the_catalog_file()
    {
        _app.WriteFile("api/openapi.yaml", "openapi: 3.0.0\ninfo:\n  title: Pets\n");
        var path = _app.WriteFile("api/catalog-info.yaml",
            "apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: pets\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n  definition:\n    $text: ./openapi.yaml\n");

        Assert.Equal(HttpStatusCode.Created, (await AddAsync("file", path)).StatusCode);

        var api = await (await Client.GetAsync("/api/catalog/entities/by-name/api/default/pets")).ReadJsonAsync();
        Assert.Equal("openapi: 3.0.0\ninfo:\n  title: Pets\n", api["spec"]!["definition"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_a_location_removes_its_entities_and_the_relations_they_gave_others()
    {
        var groupPath = _app.WriteFile("group.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n  children: []\n");
        var servicePath = _app.WriteFile("service.yaml", string.Format(Component, "owned"));
        await AddAsync("file", groupPath);
        var id = (await (await AddAsync("file", servicePath)).ReadJsonAsync())["location"]!["id"]!.GetValue<string>();
        Assert.Contains("ownerOf component:default/owned", await RelationsAsync("group/default/team-a"));

        var response = await Client.DeleteAsync($"/api/catalog/locations/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/catalog/entities/by-name/component/default/owned")).StatusCode);
        Assert.DoesNotContain("ownerOf component:default/owned", await RelationsAsync("group/default/team-a"));
        await AssertErrorAsync(await Client.DeleteAsync($"/api/catalog/locations/{id}"), HttpStatusCode.NotFound, "NotFoundError");
    }

    [Fact]
    public async Task Refresh_picks_up_changes_keeps_last_good_version_on_errors_and_marks_orphans()
    {
        var path = _app.WriteFile("live.yaml", string.Format(Component, "stays") + "\n---\n" + string.Format(Component, "goes") + "\n---\n" + string.Format(Component, "breaks"));
        await AddAsync("file", path);
        var before = await (await Client.GetAsync("/api/catalog/entities/by-name/component/default/stays")).ReadJsonAsync();

        File.WriteAllText(path, string.Format(Component, "stays").Replace("production", "deprecated", StringComparison.Ordinal) + "\n---\n" +
            string.Format(Component, "breaks").Replace("type: service", "type: ''", StringComparison.Ordinal));
        var refresh = await Client.PostJsonAsync("/api/catalog/refresh", """{"entityRef":"component:default/stays"}""");

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var after = await (await Client.GetAsync("/api/catalog/entities/by-name/component/default/stays")).ReadJsonAsync();
        Assert.Equal("deprecated", after["spec"]!["lifecycle"]!.GetValue<string>());
        Assert.Equal(before["metadata"]!["uid"]!.GetValue<string>(), after["metadata"]!["uid"]!.GetValue<string>());
        Assert.NotEqual(before["metadata"]!["etag"]!.GetValue<string>(), after["metadata"]!["etag"]!.GetValue<string>());

        var broken = await (await Client.GetAsync("/api/catalog/entities/by-name/component/default/breaks")).ReadJsonAsync();
        Assert.Equal("service", broken["spec"]!["type"]!.GetValue<string>());
        var status = broken["status"]!["items"]!.AsArray().Single()!;
        Assert.Equal("backstage.io/catalog-processing", status["type"]!.GetValue<string>());
        Assert.Equal("error", status["level"]!.GetValue<string>());
        Assert.Equal("InputError", status["error"]!["name"]!.GetValue<string>());
        Assert.Contains("/spec/type must NOT have fewer than 1 characters", status["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var orphan = await (await Client.GetAsync("/api/catalog/entities/by-name/component/default/goes")).ReadJsonAsync();
        Assert.Equal("true", orphan["metadata"]!["annotations"]!["backstage.io/orphan"]!.GetValue<string>());

        var location = await (await Client.GetAsync($"/api/catalog/entities/by-name/location/default/{GeneratedName(path)}")).ReadJsonAsync();
        Assert.NotEmpty(location["status"]!["items"]!.AsArray());
    }

    [Fact]
    public async Task Refresh_of_an_unknown_entity_is_a_404_and_a_malformed_ref_a_400()
    {
        await AssertErrorAsync(await Client.PostJsonAsync("/api/catalog/refresh", """{"entityRef":"component:default/nope"}"""), HttpStatusCode.NotFound, "NotFoundError");
        await AssertErrorAsync(await Client.PostJsonAsync("/api/catalog/refresh", """{"entityRef":"nokind"}"""), HttpStatusCode.BadRequest, "InputError");
    }

    [Fact]
    public async Task An_entity_already_provided_by_another_location_is_a_conflict_in_the_second_locations_status()
    {
        var first = _app.WriteFile("first.yaml", string.Format(Component, "shared"));
        var second = _app.WriteFile("second.yaml", string.Format(Component, "shared") + "\n---\n" + string.Format(Component, "own"));
        await AddAsync("file", first);

        Assert.Equal(HttpStatusCode.Created, (await AddAsync("file", second)).StatusCode);

        var shared = await (await Client.GetAsync("/api/catalog/entities/by-name/component/default/shared")).ReadJsonAsync();
        Assert.Equal($"file:{first}", shared["metadata"]!["annotations"]!["backstage.io/managed-by-location"]!.GetValue<string>());
        var secondLocation = await (await Client.GetAsync($"/api/catalog/entities/by-name/location/default/{GeneratedName(second)}")).ReadJsonAsync();
        var message = secondLocation["status"]!["items"]![0]!["message"]!.GetValue<string>();
        Assert.Contains("Detected conflicting entityRef component:default/shared", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_entity_by_uid_removes_it_and_unknown_uids_are_fine()
    {
        var path = _app.WriteFile("gone.yaml", string.Format(Component, "gone"));
        await AddAsync("file", path);
        var uid = (await (await Client.GetAsync("/api/catalog/entities/by-name/component/default/gone")).ReadJsonAsync())["metadata"]!["uid"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/catalog/entities/by-uid/{uid}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/catalog/entities/by-uid/{uid}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/catalog/entities/by-uid/unknown")).StatusCode);
    }

    [Fact]
    public async Task Updating_a_location_points_it_at_a_new_target_and_by_query_filters_locations()
    {
        var a = _app.WriteFile("u/a.yaml", string.Format(Component, "ua"));
        var b = _app.WriteFile("u/b.yaml", string.Format(Component, "ub"));
        var id = (await (await AddAsync("file", a)).ReadJsonAsync())["location"]!["id"]!.GetValue<string>();

        var put = await Client.PutAsync($"/api/catalog/locations/{id}", new StringContent($$"""{"type":"file","target":"{{b}}"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(b, (await put.ReadJsonAsync())["target"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/catalog/entities/by-name/component/default/ub")).StatusCode);
        var query = await (await Client.PostJsonAsync("/api/catalog/locations/by-query", new JsonObject { ["query"] = new JsonObject { ["target"] = new JsonObject { ["$hasPrefix"] = _app.Root } } })).ReadJsonAsync();
        Assert.Equal(1, query["totalItems"]!.GetValue<int>());
        Assert.Equal(id, query["items"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Catalog_rules_limit_which_kinds_a_location_may_add()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider, s => s["Catalog:Rules:0:Allow:0"] = "Component");
        using var client = app.CreateClient();
        var path = app.WriteFile("group.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: g\nspec:\n  type: team\n  children: []\n");

        var error = await AssertErrorAsync(
            await client.PostJsonAsync("/api/catalog/locations", new JsonObject { ["type"] = "file", ["target"] = path }),
            HttpStatusCode.BadRequest,
            "InputError");
        Assert.Contains("Entity of kind Group is not allowed", error["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_catalog_refuses_to_add_and_remove_locations_but_allows_dry_runs()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider, s => s["Catalog:ReadOnly"] = "true");
        using var client = app.CreateClient();
        var path = app.WriteFile("ro.yaml", string.Format(Component, "ro"));

        await AssertErrorAsync(await client.PostJsonAsync("/api/catalog/locations", new JsonObject { ["type"] = "file", ["target"] = path }), HttpStatusCode.Forbidden, "NotAllowedError");
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/catalog/locations?dryRun=true", new JsonObject { ["type"] = "file", ["target"] = path })).StatusCode);
    }

    [Fact]
    public async Task Locations_are_read_again_on_the_processing_interval()
    {
        await using var app = await ScaffolderApp.CreateAsync(provider, s => s["Catalog:ProcessingInterval"] = "00:00:01");
        using var client = app.CreateClient();
        var path = app.WriteFile("interval.yaml", string.Format(Component, "tick"));
        await client.PostJsonAsync("/api/catalog/locations", new JsonObject { ["type"] = "file", ["target"] = path });

        File.WriteAllText(path, string.Format(Component, "tick") + "\n---\n" + string.Format(Component, "tock"));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            await Task.Delay(250);
            status = (await client.GetAsync("/api/catalog/entities/by-name/component/default/tock")).StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static string GeneratedName(string path) =>
        "generated-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes($"file:{path}")));

    private Task<HttpResponseMessage> AddAsync(string type, string target) =>
        Client.PostJsonAsync("/api/catalog/locations", new JsonObject { ["type"] = type, ["target"] = target });

    private async Task<List<string>> RelationsAsync(string kindNamespaceName) =>
        (await (await Client.GetAsync($"/api/catalog/entities/by-name/{kindNamespaceName}")).ReadJsonAsync())["relations"]!.AsArray()
            .Select(r => $"{r!["type"]} {r["targetRef"]}").ToList();
}

public sealed class SqliteLocationApiTests() : LocationApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresLocationApiTests() : LocationApiTests(DatabaseProvider.Postgres);
