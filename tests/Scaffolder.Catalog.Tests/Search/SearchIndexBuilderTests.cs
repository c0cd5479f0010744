using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Search;
using Xunit;

namespace Scaffolder.Catalog.Tests.Search;

public sealed class SearchIndexBuilderTests
{
    private static readonly JsonObject Entity = JsonNode.Parse("""
        {"apiVersion":"backstage.io/v1alpha1","kind":"Component",
         "metadata":{"name":"Checkout","uid":"u-1","etag":"e","annotations":{"backstage.io/View-Url":"https://X"},"tags":["java","Java"],"count":7,"flag":true,"nothing":null},
         "spec":{"owner":"team-a","list":[{"a":1},{"a":2}]},
         "status":{"items":[]}}
        """)!.AsObject();

    [Fact]
    public void Keys_are_dot_paths_and_keys_and_values_are_lowercased_with_the_original_kept()
    {
        var rows = SearchIndexBuilder.Build(RemoveTagCase(Entity), []);

        Assert.Contains(rows, r => r is { Key: "metadata.annotations.backstage.io/view-url", Value: "https://x", OriginalValue: "https://X" });
        Assert.Contains(rows, r => r is { Key: "kind", Value: "component", OriginalValue: "Component" });
    }

    [Fact]
    public void Scalars_are_text_nulls_are_kept_and_array_elements_share_the_arrays_key()
    {
        var rows = SearchIndexBuilder.Build(RemoveTagCase(Entity), []);

        Assert.Contains(rows, r => r is { Key: "metadata.count", Value: "7" });
        Assert.Contains(rows, r => r is { Key: "metadata.flag", Value: "true" });
        Assert.Contains(rows, r => r is { Key: "metadata.nothing", Value: null });
        Assert.Contains(rows, r => r is { Key: "metadata.tags", Value: "java" });
        Assert.Contains(rows, r => r is { Key: "metadata.tags.java", Value: "true" });
        Assert.Equal(["1", "2"], rows.Where(r => r.Key == "spec.list.a").Select(r => r.Value));
    }

    [Fact]
    public void Name_namespace_uid_and_relations_are_indexed_and_etag_and_status_are_not()
    {
        var rows = SearchIndexBuilder.Build(RemoveTagCase(Entity), [new EntityRelation("component:default/checkout", "ownedBy", "group:default/team-a")]);

        Assert.Contains(rows, r => r is { Key: "metadata.name", Value: "checkout" });
        Assert.Contains(rows, r => r is { Key: "metadata.namespace", Value: "default" });
        Assert.Contains(rows, r => r is { Key: "metadata.uid", Value: "u-1" });
        Assert.Contains(rows, r => r is { Key: "relations.ownedby", Value: "group:default/team-a" });
        Assert.DoesNotContain(rows, r => r.Key.StartsWith("status", StringComparison.Ordinal) || r.Key == "metadata.etag");
    }

    [Fact]
    public void Over_long_values_are_stored_as_null_and_over_long_keys_are_skipped()
    {
        var entity = RemoveTagCase(Entity);
        entity["spec"]!["long"] = new string('x', 201);
        entity["spec"]![new string('k', 201)] = "v";

        var rows = SearchIndexBuilder.Build(entity, []);

        Assert.Contains(rows, r => r is { Key: "spec.long", Value: null, OriginalValue: null });
        Assert.DoesNotContain(rows, r => r.Key.Length > 200);
    }

    [Fact]
    public void Keys_that_differ_only_in_case_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SearchIndexBuilder.Build(Entity, []));

        Assert.Equal("Entity has duplicate keys that vary only in casing", error.Message);
    }

    private static JsonObject RemoveTagCase(JsonObject entity)
    {
        var copy = entity.DeepClone().AsObject();
        copy["metadata"]!["tags"] = new JsonArray("java");
        return copy;
    }
}
