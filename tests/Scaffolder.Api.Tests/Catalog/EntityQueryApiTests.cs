using System.Net;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Xunit;

namespace Scaffolder.Api.Tests.Catalog;

/// <summary>Reads against a seeded catalog: GET /entities, by-name, by-uid, by-refs, ancestry and errors.</summary>
public abstract class EntityQueryApiTests(SeededCatalog catalog)
{
    private HttpClient Client => catalog.Client;

    [Fact]
    public async Task Get_entities_returns_every_entity_with_uid_etag_and_relations()
    {
        var items = await GetArrayAsync("/api/catalog/entities");

        Assert.Equal(CatalogSeed.Refs.Length + 1, items.Count);
        var checkout = items.Single(e => Name(e) == "checkout")!;
        Assert.Matches("^[0-9a-f-]{36}$", checkout["metadata"]!["uid"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(checkout["metadata"]!["etag"]!.GetValue<string>()));
        Assert.Equal("default", checkout["metadata"]!["namespace"]!.GetValue<string>());
        var relations = checkout["relations"]!.AsArray().Select(r => $"{r!["type"]} {r["targetRef"]}").ToList();
        Assert.Contains("ownedBy group:default/team-a", relations);
        Assert.Contains("partOf system:default/payments", relations);
        Assert.Contains("providesApi api:default/checkout-api", relations);
        Assert.Contains("dependsOn resource:default/orders-db", relations);
    }

    [Fact]
    public async Task Reverse_relations_appear_on_the_targets()
    {
        var team = await GetObjectAsync("/api/catalog/entities/by-name/group/default/team-a");
        var relations = team["relations"]!.AsArray().Select(r => $"{r!["type"]} {r["targetRef"]}").ToList();

        Assert.Contains("ownerOf component:default/checkout", relations);
        Assert.Contains("ownerOf component:libs/payments-lib", relations);
        Assert.Contains("hasMember user:default/alice", relations);
        var api = await GetObjectAsync("/api/catalog/entities/by-name/api/default/checkout-api");
        var apiRelations = api["relations"]!.AsArray().Select(r => $"{r!["type"]} {r["targetRef"]}").ToList();
        Assert.Contains("apiProvidedBy component:default/checkout", apiRelations);
        Assert.Contains("apiConsumedBy component:default/cart", apiRelations);
    }

    [Fact]
    public async Task Statements_in_one_filter_are_and_ed_and_separate_filters_are_or_ed()
    {
        Assert.Equal(["checkout", "storefront"], await NamesAsync("/api/catalog/entities?filter=kind=component,spec.lifecycle=production,metadata.namespace=default"));
        Assert.Equal(["checkout-api", "storefront"], await NamesAsync("/api/catalog/entities?filter=kind=api&filter=spec.type=website"));
    }

    [Fact]
    public async Task A_key_repeated_in_one_filter_matches_any_of_its_values()
    {
        Assert.Equal(["alice", "team-a", "team-b"], await NamesAsync("/api/catalog/entities?filter=kind=user,kind=group"));
    }

    [Fact]
    public async Task Filters_are_case_insensitive_in_keys_and_values()
    {
        Assert.Equal(["Cart"], await NamesAsync("/api/catalog/entities?filter=KIND=Component,Metadata.Name=CART"));
    }

    [Fact]
    public async Task A_bare_key_filters_on_existence_including_array_elements_and_dotted_annotation_keys()
    {
        Assert.Equal(["checkout"], await NamesAsync("/api/catalog/entities?filter=metadata.annotations.github.com/project-slug"));
        Assert.Equal(["Cart", "checkout"], await NamesAsync("/api/catalog/entities?filter=metadata.tags.java"));
        Assert.Equal(["Cart", "checkout"], await NamesAsync("/api/catalog/entities?filter=metadata.tags=java"));
    }

    [Fact]
    public async Task Relations_can_be_filtered_by_lowercased_type_and_target_ref()
    {
        Assert.Equal(["checkout", "checkout-api", "orders-db", "payments", "payments-lib"],
            await NamesAsync("/api/catalog/entities?filter=relations.ownedby=group:default/team-a"));
    }

    [Fact]
    public async Task Fields_keep_only_the_selected_paths_including_keys_that_contain_dots()
    {
        var items = await GetArrayAsync("/api/catalog/entities?filter=metadata.name=checkout&fields=kind,metadata.name,metadata.annotations.backstage.io/techdocs-ref");

        var only = Assert.Single(items)!.AsObject();
        Assert.Equal(
            """{"kind":"Component","metadata":{"name":"checkout","annotations":{"backstage.io/techdocs-ref":"dir:."}}}""",
            only.ToJsonString());
    }

    [Fact]
    public async Task Array_indexing_in_fields_is_rejected()
    {
        await AssertErrorAsync(await Client.GetAsync("/api/catalog/entities?fields=metadata.tags[0]"), HttpStatusCode.BadRequest, "InputError");
    }

    [Fact]
    public async Task Order_sorts_ascending_or_descending_and_puts_missing_values_last()
    {
        Assert.Equal(["Cart", "checkout", "payments-lib", "storefront"],
            await NamesAsync("/api/catalog/entities?filter=kind=component&order=asc:metadata.name", sorted: false));
        Assert.Equal(["storefront", "payments-lib", "checkout", "Cart"],
            await NamesAsync("/api/catalog/entities?filter=kind=component&order=desc:metadata.name", sorted: false));
        var byTitle = await NamesAsync("/api/catalog/entities?filter=kind=component&order=desc:metadata.title&order=asc:metadata.name", sorted: false);
        Assert.Equal(["checkout", "Cart", "payments-lib", "storefront"], byTitle);
    }

    [Fact]
    public async Task Queries_that_match_nothing_answer_an_empty_list_in_every_form()
    {
        Assert.Empty(await GetArrayAsync("/api/catalog/entities?filter=kind=nothing&order=asc:metadata.name"));
        Assert.Empty(await GetArrayAsync("/api/catalog/entities?filter=kind=nothing&limit=5"));
        var page = await (await Client.GetAsync("/api/catalog/entities/by-query?filter=kind=nothing&orderField=metadata.name,desc")).ReadJsonAsync();
        Assert.Equal("""{"items":[],"totalItems":0,"pageInfo":{}}""", page.ToJsonString());
    }

    [Theory]
    [InlineData("order=upwards:metadata.name")]
    [InlineData("limit=0")]
    [InlineData("limit=01")]
    [InlineData("offset=-1")]
    [InlineData("limit=abc")]
    [InlineData("after=%%%")]
    [InlineData("filter=%3Dvalue")]
    public async Task Malformed_list_parameters_are_a_400_input_error(string query)
    {
        await AssertErrorAsync(await Client.GetAsync($"/api/catalog/entities?{query}"), HttpStatusCode.BadRequest, "InputError");
    }

    [Fact]
    public async Task Limit_and_offset_page_through_results_and_link_to_the_next_page()
    {
        var first = await Client.GetAsync("/api/catalog/entities?filter=kind=component&order=asc:metadata.name&limit=3");
        var names = (await first.ReadJsonAsync()).AsArray().Select(Name).ToList();
        Assert.Equal(["Cart", "checkout", "payments-lib"], names);
        var link = first.Headers.GetValues("Link").Single();
        Assert.Matches("^</entities\\?.*after=[^>]+>; rel=\"next\"$", link);

        var nextUrl = "/api/catalog" + link[1..link.IndexOf('>', StringComparison.Ordinal)];
        var second = await Client.GetAsync(nextUrl);
        Assert.Equal(["storefront"], (await second.ReadJsonAsync()).AsArray().Select(Name).ToList());
        Assert.False(second.Headers.Contains("Link"));
    }

    [Fact]
    public async Task By_name_matches_case_insensitively_and_404s_with_backstage_message()
    {
        var entity = await GetObjectAsync("/api/catalog/entities/by-name/Component/DEFAULT/cart");
        Assert.Equal("Cart", Name(entity));

        var missing = await Client.GetAsync("/api/catalog/entities/by-name/component/default/nope");
        var error = await AssertErrorAsync(missing, HttpStatusCode.NotFound, "NotFoundError");
        Assert.Equal("No entity named 'nope' found, with kind 'component' in namespace 'default'", error["error"]!["message"]!.GetValue<string>());
        Assert.Equal("GET", error["request"]!["method"]!.GetValue<string>());
        Assert.Equal("/entities/by-name/component/default/nope", error["request"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task By_uid_returns_the_entity_or_a_404()
    {
        var entity = await GetObjectAsync("/api/catalog/entities/by-name/component/default/checkout");
        var uid = entity["metadata"]!["uid"]!.GetValue<string>();

        Assert.Equal("checkout", Name(await GetObjectAsync($"/api/catalog/entities/by-uid/{uid}")));
        var error = await AssertErrorAsync(await Client.GetAsync("/api/catalog/entities/by-uid/not-a-uid"), HttpStatusCode.NotFound, "NotFoundError");
        Assert.Equal("No entity with uid not-a-uid", error["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task By_refs_answers_in_request_order_with_null_for_missing_and_filtered_out()
    {
        var response = await Client.PostJsonAsync(
            "/api/catalog/entities/by-refs?filter=kind=component",
            """{"entityRefs":["component:default/storefront","component:default/missing","api:default/checkout-api","Component:default/CART"],"fields":["metadata.name"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"items":[{"metadata":{"name":"storefront"}},null,null,{"metadata":{"name":"Cart"}}]}""",
            (await response.ReadJsonAsync()).ToJsonString());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"entityRefs":"component:default/a"}""")]
    [InlineData("""{"entityRefs":[1]}""")]
    [InlineData("not json")]
    public async Task By_refs_rejects_a_malformed_body(string body)
    {
        await AssertErrorAsync(await Client.PostJsonAsync("/api/catalog/entities/by-refs", body), HttpStatusCode.BadRequest, "InputError");
    }

    [Fact]
    public async Task Ancestry_walks_from_the_entity_up_to_its_registered_location()
    {
        var ancestry = await GetObjectAsync("/api/catalog/entities/by-name/component/default/checkout/ancestry");

        Assert.Equal("component:default/checkout", ancestry["rootEntityRef"]!.GetValue<string>());
        var items = ancestry["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal("checkout", Name(items[0]!["entity"]));
        Assert.StartsWith("location:default/generated-", items[0]!["parentEntityRefs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Location", items[1]!["entity"]!["kind"]!.GetValue<string>());
        Assert.Empty(items[1]!["parentEntityRefs"]!.AsArray());
    }

    [Fact]
    public async Task Entities_carry_location_annotations_of_their_file()
    {
        var entity = await GetObjectAsync("/api/catalog/entities/by-name/component/default/checkout");
        var annotations = entity["metadata"]!["annotations"]!;

        Assert.Equal($"file:{catalog.SeedPath}", annotations["backstage.io/managed-by-location"]!.GetValue<string>());
        Assert.Equal($"file:{catalog.SeedPath}", annotations["backstage.io/managed-by-origin-location"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_routes_are_a_404_with_an_empty_body()
    {
        var response = await Client.GetAsync("/api/catalog/no-such-route");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    internal static string? Name(JsonNode? entity) => entity?["metadata"]?["name"]?.GetValue<string>();

    internal static async Task<JsonNode> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string name)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        Assert.Equal(name, json["error"]!["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(json["error"]!["message"]!.GetValue<string>()));
        Assert.Equal((int)status, json["response"]!["statusCode"]!.GetValue<int>());
        return json;
    }

    private async Task<List<string>> NamesAsync(string url, bool sorted = true)
    {
        var names = (await GetArrayAsync(url)).Select(e => Name(e)!).ToList();
        return sorted ? names.Order(StringComparer.Ordinal).ToList() : names;
    }

    private async Task<JsonArray> GetArrayAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).AsArray();
    }

    private async Task<JsonObject> GetObjectAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync()).AsObject();
    }
}

public sealed class SqliteEntityQueryApiTests(SqliteSeededCatalog catalog) : EntityQueryApiTests(catalog), IClassFixture<SqliteSeededCatalog>;

public sealed class PostgresEntityQueryApiTests(PostgresSeededCatalog catalog) : EntityQueryApiTests(catalog), IClassFixture<PostgresSeededCatalog>;
