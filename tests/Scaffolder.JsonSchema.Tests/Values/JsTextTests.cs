using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Tests.Values;

public sealed class JsTextTests
{
    [Theory]
    [InlineData(5d, "5")]
    [InlineData(1.5d, "1.5")]
    [InlineData(1e21d, "1e+21")]
    [InlineData(1e20d, "100000000000000000000")]
    [InlineData(1e-7d, "1e-7")]
    [InlineData(0.000001d, "0.000001")]
    [InlineData(1.2345678901234569e+23d, "1.2345678901234569e+23")]
    [InlineData(-0.5d, "-0.5")]
    [InlineData(0.1d + 0.2d, "0.30000000000000004")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Numbers_print_as_javascript_prints_them(double value, string expected)
    {
        Assert.Equal(expected, JsText.FormatNumber(value));
    }

    [Theory]
    [InlineData("""[1, null, {"a": 1}, [1, [2, 3]], "x", true]""", "1,,[object Object],1,2,3,x,true")]
    [InlineData("null", "null")]
    [InlineData("{}", "[object Object]")]
    [InlineData("[null]", "")]
    public void Values_convert_to_strings_as_javascript_string_does(string json, string expected)
    {
        Assert.Equal(expected, JsText.ToJsString(JsonNode.Parse(json)));
    }

    [Theory]
    [InlineData("plain", "instance.plain")]
    [InlineData("a b", "instance[\"a b\"]")]
    [InlineData("12", "instance[12]")]
    [InlineData("1x", "instance[\"1x\"]")]
    [InlineData("a.b", "instance[\"a.b\"]")]
    [InlineData("", "instance.")]
    [InlineData("quote\"d", "instance.quote\"d")]
    [InlineData("nbsp\u00a0here", "instance[\"nbsp\u00a0here\"]")]
    public void Property_paths_read_as_the_library_writes_them(string key, string expected)
    {
        Assert.Equal(expected, JsText.FormatProperty("instance", [key]));
    }

    [Fact]
    public void Quote_escapes_like_json_stringify()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0001é😀\\ud800\"", JsText.Quote("a\"b\\c\n\u0001é😀\ud800"));
    }

    [Fact]
    public void Keys_enumerate_in_javascript_order()
    {
        var obj = JsonNode.Parse("""{"b": 1, "10": 2, "a": 3, "2": 4, "01": 5, "4294967295": 6}""")!.AsObject();

        Assert.Equal(["2", "10", "b", "a", "01", "4294967295"], JsKeyOrder.Enumerate(obj).Select(p => p.Key));
    }
}
