using System.Text;
using System.Text.Json.Nodes;
using Scaffolder.Catalog.Querying;
using Scaffolder.Common.Errors;
using Xunit;

namespace Scaffolder.Catalog.Tests.Querying;

public sealed class QueryCursorTests
{
    [Fact]
    public void Cursors_round_trip_as_base64_json()
    {
        var cursor = new QueryCursor { OrderField = "metadata.name", Order = "desc", Filter = ["kind=api"], Value = "x", Id = 7, TotalItems = 3 };

        var decoded = QueryCursor.Decode(cursor.Encode());

        Assert.Equal("metadata.name", decoded.OrderField);
        Assert.Equal(["kind=api"], decoded.Filter);
        Assert.Equal(7, decoded.Id);
        Assert.Equal(3, decoded.TotalItems);
    }

    [Fact]
    public void Only_predicate_cursors_carry_a_query_key()
    {
        var plain = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(new QueryCursor { OrderField = "a", Order = "asc" }.Encode())))!.AsObject();
        var predicate = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(new QueryCursor { OrderField = "a", Order = "asc", Query = new JsonObject { ["kind"] = "x" } }.Encode())))!.AsObject();

        Assert.False(plain.ContainsKey("query"));
        Assert.True(predicate.ContainsKey("query"));
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("e30=")]
    public void Malformed_cursors_are_input_errors(string cursor)
    {
        Assert.StartsWith("Malformed cursor", Assert.Throws<InputError>(() => QueryCursor.Decode(cursor)).Message, StringComparison.Ordinal);
    }
}
