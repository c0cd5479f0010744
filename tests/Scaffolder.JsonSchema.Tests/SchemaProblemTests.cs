using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Tests.Support;

namespace Scaffolder.JsonSchema.Tests;

public sealed class SchemaProblemTests
{
    /// <summary>Broken schemas a template author might write: where the problem is and what it says.</summary>
    public static TheoryData<string, string, string> BrokenSchemas => new()
    {
        { """{"type": 5}""", "#/type", "type must be one of array, boolean, integer, null, number, object, string" },
        { """{"type": "text"}""", "#/type", "\"text\" is not a type" },
        { """{"type": ["string", 1]}""", "#/type", "type must be one of" },
        { """{"properties": {"name": {"pattern": "^(abc"}}}""", "#/properties/name/pattern", "pattern is not a valid regular expression (Invalid regular expression: /^(abc/: Unterminated group)" },
        { """{"patternProperties": {"[": {}}}""", "#/patternProperties/[", "not a valid regular expression" },
        { """{"pattern": 5}""", "#/pattern", "pattern must be a string" },
        { """{"properties": []}""", "#/properties", "properties must be an object" },
        { """{"properties": {"a": null}}""", "#/properties/a", "must be a schema (an object or a boolean), not null" },
        { """{"properties": {"a": "string"}}""", "#/properties/a", "must be a schema (an object or a boolean), not a string" },
        { """{"required": "name"}""", "#/required", "required must be an array of property names" },
        { """{"required": [1]}""", "#/required", "required must list property names as strings" },
        { """{"minLength": -1}""", "#/minLength", "minLength must be a non-negative integer" },
        { """{"maxItems": 1.5}""", "#/maxItems", "maxItems must be a non-negative integer" },
        { """{"minProperties": "2"}""", "#/minProperties", "minProperties must be a non-negative integer" },
        { """{"minimum": "3"}""", "#/minimum", "minimum must be a number" },
        { """{"exclusiveMaximum": "3"}""", "#/exclusiveMaximum", "exclusiveMaximum must be a number" },
        { """{"multipleOf": 0}""", "#/multipleOf", "multipleOf must be a number greater than 0" },
        { """{"enum": "a"}""", "#/enum", "enum must be an array" },
        { """{"items": 5}""", "#/items", "items must be a schema" },
        { """{"items": [{}], "additionalItems": 5}""", "#/additionalItems", "additionalItems must be a schema" },
        { """{"uniqueItems": "yes"}""", "#/uniqueItems", "uniqueItems must be true or false" },
        { """{"contains": []}""", "#/contains", "contains must be a schema" },
        { """{"format": 1}""", "#/format", "format must be a string" },
        { """{"allOf": []}""", "#/allOf", "allOf must be a non-empty array of schemas" },
        { """{"anyOf": {}}""", "#/anyOf", "anyOf must be a non-empty array of schemas" },
        { """{"oneOf": [1]}""", "#/oneOf/0", "must be a schema" },
        { """{"not": null}""", "#/not", "not must be a schema" },
        { """{"dependencies": {"a": 5}}""", "#/dependencies/a", "a dependency must be a schema (an object or a boolean) or an array of property names" },
        { """{"dependencies": {"a": [5]}}""", "#/dependencies/a", "must list property names as strings" },
        { """{"if": 5, "then": {}}""", "#/if", "if must be a schema" },
        { """{"if": {}, "then": 5}""", "#/then", "then must be a schema" },
        { """{"definitions": []}""", "#/definitions", "definitions must be an object" },
        { """{"$ref": 5}""", "#/$ref", "$ref must be a string" },
        { """{"$ref": "#/definitions/missing"}""", "#/$ref", "$ref \"#/definitions/missing\" does not resolve: there is nothing at \"#/definitions/missing\"" },
        { """{"$ref": "#nowhere"}""", "#/$ref", "no subschema has the id \"#nowhere\"" },
        { """{"$ref": "http://example.com/schema.json"}""", "#/$ref", "points outside this schema" },
        { """{"$ref": "other.json#/a"}""", "#/$ref", "points outside this schema" },
        { """{"definitions": {"a": 5}, "$ref": "#/definitions/a"}""", "#/$ref", "points at a number, not at a schema" },
        { """{"$ref": "#"}""", "#", "the schema refers back to itself without moving into a property or item (# -> #)" },
        { """{"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"allOf": [{"$ref": "#/definitions/a"}]}}, "properties": {"x": {"$ref": "#/definitions/a"}}}""", "#/definitions/a", "refers back to itself" },
        { """{"anyOf": [{"type": "string"}, {"$ref": "#"}]}""", "#", "refers back to itself" },
        { """{"not": {"$ref": "#"}}""", "#", "refers back to itself" },
        { """{"if": {"$ref": "#"}}""", "#", "refers back to itself" },
        { """{"dependencies": {"a": {"$ref": "#"}}}""", "#", "refers back to itself" },
        { "5", "#", "must be a schema (an object or a boolean), not a number" },
        { "null", "#", "must be a schema (an object or a boolean), not null" },
        { "[]", "#", "must be a schema (an object or a boolean), not an array" },
    };

    [Theory]
    [MemberData(nameof(BrokenSchemas))]
    public void Broken_schema_is_reported_with_its_location_and_reason(string schema, string location, string message)
    {
        var compiled = JsonSchema.TryCompile(Json.Parse(schema), out var result, out var problems);

        Assert.False(compiled);
        Assert.Null(result);
        Assert.Contains(problems, p => p.Location == location && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_in_a_schema_is_reported_at_once()
    {
        var schema = Json.Parse("""{"type": 5, "properties": {"a": {"minLength": "x"}, "b": {"pattern": "("}}}""");

        JsonSchema.TryCompile(schema, out _, out var problems);

        Assert.Equal(["#/type", "#/properties/a/minLength", "#/properties/b/pattern"], problems.Select(p => p.Location));
    }

    [Fact]
    public void One_call_validation_throws_a_schema_exception_listing_the_problems()
    {
        var exception = Assert.Throws<InvalidJsonSchemaException>(
            () => JsonSchemaValidator.Validate(Json.Parse("""{"type": 5}"""), new JsonObject()));

        Assert.Equal("#/type", Assert.Single(exception.Problems).Location);
        Assert.StartsWith("The JSON schema is invalid: #/type: type must be", exception.Message);
    }

    [Fact]
    public void Recursion_that_moves_into_a_property_or_item_is_allowed()
    {
        var schema = Json.Parse("""
            {"definitions": {"node": {"properties": {"children": {"items": {"$ref": "#/definitions/node"}}, "name": {"type": "string"}}}},
             "$ref": "#/definitions/node"}
            """);

        var compiled = JsonSchema.Compile(schema);
        var errors = compiled.Validate(Json.Parse("""{"children": [{"children": [{"name": 5}]}]}"""));

        Assert.Equal("instance.children[0].children[0].name", Assert.Single(errors).Property);
    }

    [Fact]
    public void Unreferenced_definitions_are_not_checked()
    {
        // The reference library never looks at them either; only what validation reaches must be usable.
        Assert.True(JsonSchema.TryCompile(Json.Parse("""{"definitions": {"unused": {"type": 5}}}"""), out _, out _));
    }
}
