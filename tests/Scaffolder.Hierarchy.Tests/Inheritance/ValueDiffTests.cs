using System.Text.Json.Nodes;
using Scaffolder.Hierarchy.Inheritance;
using Xunit;

namespace Scaffolder.Hierarchy.Tests.Inheritance;

public sealed class ValueDiffTests
{
    [Fact]
    public void Keys_are_reported_as_added_changed_or_removed_with_tags_and_config_flattened()
    {
        var before = Parse("""{"owner":"group:default/a","tags":{"Tier":"gold","Old":"x"},"config":{"size":1,"same":[1,2]}}""");
        var after = Parse("""{"owner":"group:default/b","tags":{"Tier":"gold","New":"y"},"config":{"size":2,"same":[1,2]}}""");

        var diff = ValueDiff.Between(before, after);

        Assert.Equal(["tags.New"], diff.Added.Keys);
        Assert.Equal("y", diff.Added["tags.New"]!.GetValue<string>());
        Assert.Equal(["config.size", "owner"], diff.Changed.Keys);
        Assert.Equal(1, diff.Changed["config.size"].From!.GetValue<int>());
        Assert.Equal(2, diff.Changed["config.size"].To!.GetValue<int>());
        Assert.Equal(["tags.Old"], diff.Removed.Keys);
        Assert.True(diff.HasChanges);
    }

    [Fact]
    public void Against_nothing_every_key_is_added()
    {
        var diff = ValueDiff.Between(null, Parse("""{"owner":"group:default/a","tags":{"T":"1"},"config":{}}"""));

        Assert.Equal(["owner", "tags.T"], diff.Added.Keys);
        Assert.Empty(diff.Changed);
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void Equal_structured_values_with_keys_in_another_order_are_unchanged()
    {
        var diff = ValueDiff.Between(Parse("""{"config":{"pool":{"a":1,"b":2}}}"""), Parse("""{"config":{"pool":{"b":2,"a":1}}}"""));

        Assert.False(diff.HasChanges);
    }

    [Fact]
    public void A_null_field_reads_as_absent()
    {
        var diff = ValueDiff.Between(Parse("""{"title":null}"""), Parse("""{"title":"Prod"}"""));

        Assert.Equal(["title"], diff.Added.Keys);
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
