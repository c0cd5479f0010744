using System.Text.Json.Nodes;
using Scaffolder.Scaffolding.Expressions;
using Xunit;

namespace Scaffolder.Scaffolding.Tests.Expressions;

public sealed class JsValuesTests
{
    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("3", "3")]
    [InlineData("true", "true")]
    [InlineData("null", "")]
    [InlineData("[1,[2,3],null]", "1,2,3,")]
    [InlineData("{\"a\":1}", "[object Object]")]
    public void Text_conversion_matches_javascripts_String(string json, string expected) =>
        Assert.Equal(expected, JsValues.ToText(JsonNode.Parse(json)));
}
