using System.Text.Json.Nodes;
using Scaffolder.Scaffolding.Actions;
using Xunit;

namespace Scaffolder.Scaffolding.Tests.Actions;

public sealed class ExampleOutputTests
{
    [Fact]
    public void Outputs_are_made_from_examples_or_type_placeholders()
    {
        var schema = JsonNode.Parse("""
            {"type": "object", "properties": {
              "remoteUrl": {"type": "string", "examples": ["https://example.com/x.git"]},
              "name": {"type": "string"}, "count": {"type": "number"}, "ok": {"type": "boolean"},
              "list": {"type": "array", "items": {"type": "string"}}, "nested": {"type": "object", "properties": {"a": {"type": "integer"}}},
              "other": {}
            }}
            """)!.AsObject();

        var expected = JsonNode.Parse("""{"remoteUrl":"https://example.com/x.git","name":"<example>","count":0,"ok":false,"list":["<example>"],"nested":{"a":0},"other":"<unknown>"}""");
        Assert.True(JsonNode.DeepEquals(expected, ExampleOutput.From(schema)), ExampleOutput.From(schema).ToJsonString());
        Assert.Equal("{}", ExampleOutput.From(null).ToJsonString());
    }
}
