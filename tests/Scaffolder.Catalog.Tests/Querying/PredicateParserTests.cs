using System.Text.Json.Nodes;
using Scaffolder.Catalog.Querying;
using Scaffolder.Common.Errors;
using Scaffolder.Storage.Catalog;
using Xunit;

namespace Scaffolder.Catalog.Tests.Querying;

public sealed class PredicateParserTests
{
    private static EntityPredicate Parse(string json) => PredicateParser.Parse(JsonNode.Parse(json));

    [Fact]
    public void Paths_with_primitives_are_case_insensitive_equality_with_numbers_as_text()
    {
        Assert.Equal(
            new AllOf([new ValueIn("kind", ["component"]), new ValueIn("spec.replicas", ["3"]), new ValueIn("spec.enabled", ["true"])]),
            Parse("""{"Kind":"Component","spec.replicas":3,"spec.enabled":true}"""),
            PredicateComparer.Instance);
    }

    [Fact]
    public void Logical_operators_nest()
    {
        var parsed = Parse("""{"$any":[{"kind":"api"},{"$not":{"kind":{"$in":["user","Group"]}}},{"$all":[{"a":{"$exists":false}}]}]}""");

        Assert.Equal(
            new AnyOf([
                new ValueIn("kind", ["api"]),
                new Not(new ValueIn("kind", ["user", "group"])),
                new AllOf([new Not(new HasKey("a"))]),
            ]),
            parsed,
            PredicateComparer.Instance);
    }

    [Fact]
    public void Prefix_and_contains_map_to_index_matches()
    {
        Assert.Equal(new ValueStartsWith("metadata.name", "svc-"), Parse("""{"metadata.name":{"$hasPrefix":"SVC-"}}"""), PredicateComparer.Instance);
        Assert.Equal(new ValueIn("metadata.tags", ["java"]), Parse("""{"metadata.tags":{"$contains":"Java"}}"""), PredicateComparer.Instance);
        Assert.Equal(new ValueIn("relations.ownedby", ["group:default/a"]), Parse("""{"relations":{"$contains":{"type":"ownedBy","targetRef":"group:default/a"}}}"""), PredicateComparer.Instance);
        Assert.Equal(new ValueIn("metadata.links.title", ["home"]), Parse("""{"metadata.links":{"$contains":{"title":"Home"}}}"""), PredicateComparer.Instance);
    }

    [Theory]
    [InlineData("[]", "Query must be an object")]
    [InlineData("\"x\"", "Query must be an object")]
    [InlineData("""{"$all":[], "kind":"x"}""", "Invalid query: $all must stand alone in its object")]
    [InlineData("""{"$any":{"kind":"x"}}""", "Invalid query: $any expects an array of predicates")]
    [InlineData("""{"kind":{"$regex":"x"}}""", "Invalid query: unknown matcher $regex")]
    [InlineData("""{"$nor":[]}""", "Invalid query: unknown operator $nor")]
    [InlineData("""{"kind":{"$exists":"yes"}}""", "Invalid query: $exists expects true or false")]
    [InlineData("""{"kind":[1]}""", "Invalid query: the value for \"kind\" must be a string, number, boolean or one matcher object")]
    public void Malformed_predicates_are_input_errors(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<InputError>(() => Parse(json)).Message);
    }

    [Fact]
    public void Deeply_nested_predicates_are_refused_not_recursed_forever()
    {
        var json = string.Concat(Enumerable.Repeat("{\"$not\":", 100)) + "{\"kind\":\"x\"}" + new string('}', 100);

        Assert.Throws<InputError>(() => PredicateParser.Parse(JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 512 })));
    }
}
