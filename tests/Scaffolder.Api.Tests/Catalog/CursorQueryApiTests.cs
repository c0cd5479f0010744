using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Xunit;
using static Scaffolder.Api.Tests.Catalog.EntityQueryApiTests;

namespace Scaffolder.Api.Tests.Catalog;

/// <summary><c>/entities/by-query</c> (GET and POST) and <c>/entity-facets</c> against a seeded catalog.</summary>
public abstract class CursorQueryApiTests(SeededCatalog catalog)
{
    private HttpClient Client => catalog.Client;

    [Fact]
    public async Task Cursors_page_forward_and_back_with_stable_total()
    {
        var first = await GetAsync("/api/catalog/entities/by-query?filter=kind=component&orderField=metadata.name,asc&limit=2&fields=metadata.name");
        Assert.Equal(["Cart", "checkout"], Names(first));
        Assert.Equal(4, first["totalItems"]!.GetValue<int>());
        Assert.Null(first["pageInfo"]!["prevCursor"]);

        var second = await GetAsync($"/api/catalog/entities/by-query?cursor={Uri.EscapeDataString(Next(first))}&limit=2&fields=metadata.name");
        Assert.Equal(["payments-lib", "storefront"], Names(second));
        Assert.Equal(4, second["totalItems"]!.GetValue<int>());
        Assert.Null(second["pageInfo"]!["nextCursor"]);

        var back = await GetAsync($"/api/catalog/entities/by-query?cursor={Uri.EscapeDataString(second["pageInfo"]!["prevCursor"]!.GetValue<string>())}&limit=2&fields=metadata.name");
        Assert.Equal(["Cart", "checkout"], Names(back));
        Assert.Null(back["pageInfo"]!["prevCursor"]);
        Assert.NotNull(back["pageInfo"]!["nextCursor"]);
    }

    [Fact]
    public async Task Descending_order_pages_in_reverse()
    {
        var first = await GetAsync("/api/catalog/entities/by-query?filter=kind=component&orderField=metadata.name,desc&limit=3");
        Assert.Equal(["storefront", "payments-lib", "checkout"], Names(first));
        var second = await GetAsync($"/api/catalog/entities/by-query?cursor={Uri.EscapeDataString(Next(first))}&limit=3");
        Assert.Equal(["Cart"], Names(second));
    }

    [Fact]
    public async Task Get_cursors_are_base64_json_without_a_query_key()
    {
        var first = await GetAsync("/api/catalog/entities/by-query?filter=kind=component&limit=1");
        var decoded = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Next(first))))!.AsObject();

        Assert.False(decoded.ContainsKey("query"));
    }

    [Fact]
    public async Task Entities_without_the_order_field_are_left_out_of_items_and_total()
    {
        var result = await GetAsync("/api/catalog/entities/by-query?filter=kind=component&orderField=metadata.title,asc");

        Assert.Equal(["checkout"], Names(result));
        Assert.Equal(1, result["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task Limit_zero_counts_without_returning_items()
    {
        var result = await GetAsync("/api/catalog/entities/by-query?filter=kind=component&limit=0");

        Assert.Empty(result["items"]!.AsArray());
        Assert.Equal(4, result["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task Total_items_can_be_excluded()
    {
        var result = await GetAsync("/api/catalog/entities/by-query?filter=kind=component&totalItems=exclude");

        Assert.Equal(4, result["items"]!.AsArray().Count);
        Assert.Equal(0, result["totalItems"]!.GetValue<int>());
    }

    [Fact]
    public async Task Full_text_filter_matches_a_substring_of_the_given_fields_case_insensitively()
    {
        var result = await GetAsync("/api/catalog/entities/by-query?fullTextFilterTerm=%20CHECK%20&fullTextFilterFields=metadata.name,metadata.title&orderField=metadata.name,asc");

        Assert.Equal(["checkout", "checkout-api"], Names(result));
    }

    [Fact]
    public async Task Full_text_filter_without_fields_searches_the_order_field()
    {
        var result = await GetAsync("/api/catalog/entities/by-query?fullTextFilterTerm=store&orderField=metadata.name,asc");

        Assert.Equal(["storefront"], Names(result));
    }

    [Theory]
    [InlineData("cursor=not-base64!")]
    [InlineData("cursor=e30%3D")]
    [InlineData("orderField=metadata.name,sideways")]
    [InlineData("limit=-1")]
    [InlineData("limit=1.5")]
    public async Task Malformed_query_parameters_are_a_400(string query)
    {
        await AssertErrorAsync(await Client.GetAsync($"/api/catalog/entities/by-query?{query}"), HttpStatusCode.BadRequest, "InputError");
    }

    [Fact]
    public async Task Predicate_queries_filter_with_all_any_not_in_exists_and_prefix()
    {
        var result = await PostAsync("""
            {"query": {"$all": [
                {"kind": "component"},
                {"$any": [{"spec.lifecycle": {"$in": ["production", "EXPERIMENTAL"]}}, {"metadata.tags": {"$contains": "typescript"}}]},
                {"$not": {"metadata.name": {"$hasPrefix": "pay"}}},
                {"spec.owner": {"$exists": true}}
            ]}, "orderBy": [{"field": "metadata.name", "order": "asc"}], "limit": 2}
            """);

        Assert.Equal(["Cart", "checkout"], Names(result));
        Assert.Equal(3, result["totalItems"]!.GetValue<int>());
        var decoded = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Next(result))))!.AsObject();
        Assert.True(decoded.ContainsKey("query"));

        var next = await PostAsync($$"""{"cursor": "{{Next(result)}}", "limit": 2}""");
        Assert.Equal(["storefront"], Names(next));
    }

    [Theory]
    [InlineData("""{"query": []}""")]
    [InlineData("""{"query": {"$all": {"kind": "x"}}}""")]
    [InlineData("""{"query": {"kind": {"$regex": "x"}}}""")]
    [InlineData("""{"query": {"$all": [], "kind": "x"}}""")]
    public async Task Invalid_predicates_are_a_400(string body)
    {
        await AssertErrorAsync(await Client.PostJsonAsync("/api/catalog/entities/by-query", body), HttpStatusCode.BadRequest, "InputError");
    }

    [Fact]
    public async Task Facets_count_original_case_values_per_entity_and_honour_the_filter()
    {
        var result = await GetAsync("/api/catalog/entity-facets?facet=Kind&facet=metadata.tags&filter=metadata.namespace=default");
        var kinds = result["facets"]!["Kind"]!.AsArray().ToDictionary(f => f!["value"]!.GetValue<string>(), f => f!["count"]!.GetValue<int>());
        var tags = result["facets"]!["metadata.tags"]!.AsArray().ToDictionary(f => f!["value"]!.GetValue<string>(), f => f!["count"]!.GetValue<int>());

        Assert.Equal(3, kinds["Component"]);
        Assert.Equal(2, kinds["Group"]);
        Assert.Equal(1, kinds["Location"]);
        Assert.Equal(2, tags["java"]);
        Assert.Equal(1, tags["payments"]);
    }

    [Fact]
    public async Task Facets_without_a_facet_parameter_are_a_400()
    {
        var error = await AssertErrorAsync(await Client.GetAsync("/api/catalog/entity-facets"), HttpStatusCode.BadRequest, "InputError");
        Assert.Equal("Missing facet parameter", error["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Facets_by_predicate_narrow_with_the_query()
    {
        var response = await Client.PostJsonAsync("/api/catalog/entity-facets", """{"facets": ["spec.type"], "query": {"kind": "component"}}""");
        var types = (await response.ReadJsonAsync())["facets"]!["spec.type"]!.AsArray()
            .ToDictionary(f => f!["value"]!.GetValue<string>(), f => f!["count"]!.GetValue<int>());

        Assert.Equal(new Dictionary<string, int> { ["service"] = 2, ["website"] = 1, ["library"] = 1 }, types);
    }

    private static string Next(JsonNode page) => page["pageInfo"]!["nextCursor"]!.GetValue<string>();

    private static List<string?> Names(JsonNode page) => page["items"]!.AsArray().Select(Name).ToList();

    private async Task<JsonNode> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private async Task<JsonNode> PostAsync(string body)
    {
        var response = await Client.PostJsonAsync("/api/catalog/entities/by-query", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}

public sealed class SqliteCursorQueryApiTests(SqliteSeededCatalog catalog) : CursorQueryApiTests(catalog), IClassFixture<SqliteSeededCatalog>;

public sealed class PostgresCursorQueryApiTests(PostgresSeededCatalog catalog) : CursorQueryApiTests(catalog), IClassFixture<PostgresSeededCatalog>;
