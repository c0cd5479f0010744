using System.Text.Json.Nodes;
using Scaffolder.Catalog.Ingestion;
using Scaffolder.Hierarchy.Projection;
using Xunit;

namespace Scaffolder.Hierarchy.Tests.Projection;

public sealed class EntityYamlTests
{
    [Fact]
    public void Each_entity_is_one_document_that_reads_back_equal()
    {
        var entities = new[]
        {
            Parse("""{"kind":"Resource","metadata":{"name":"a","labels":{"CostCenter":"1042","flag":"true","none":"null","hex":"0x1F","empty":""}},"spec":{"dependsOn":["resource:default/b"]}}"""),
            Parse("""{"kind":"Component","metadata":{"name":"b","annotations":{"x/y":"multi\nline: with # and 'quotes'","yes":"no","time":"12:30"}},"spec":{"n":3,"f":1.5,"b":false,"z":null}}"""),
        };

        var yaml = EntityYaml.Write(entities);
        var documents = YamlDocuments.Parse(yaml);

        Assert.Equal(2, documents.Count);
        Assert.All(documents, d => Assert.Null(d.Error));
        Assert.True(JsonNode.DeepEquals(entities[0], documents[0].Value), documents[0].Value?.ToJsonString());
        Assert.True(JsonNode.DeepEquals(entities[1], documents[1].Value), documents[1].Value?.ToJsonString());
    }

    [Fact]
    public void Strings_that_look_like_numbers_or_booleans_are_quoted()
    {
        var yaml = EntityYaml.Write([Parse("""{"a":"1042","b":"yes","c":"1.5e3","d":"plain text"}""")]);

        Assert.Contains("a: \"1042\"", yaml, StringComparison.Ordinal);
        Assert.Contains("b: \"yes\"", yaml, StringComparison.Ordinal);
        Assert.Contains("c: \"1.5e3\"", yaml, StringComparison.Ordinal);
        Assert.Contains("d: plain text", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void No_entities_is_an_empty_stream()
    {
        Assert.Empty(YamlDocuments.Parse(EntityYaml.Write([])));
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
