using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Tests.Support;

namespace Scaffolder.JsonSchema.Tests;

public sealed class DefaultsTests
{
    private static JsonNode? Apply(string schema, string values) =>
        JsonSchema.Compile(Json.Parse(schema)).ApplyDefaults(Json.Parse(values));

    [Fact]
    public void Absent_properties_get_their_defaults()
    {
        var result = Apply("""{"properties": {"replicas": {"type": "integer", "default": 2}, "name": {"type": "string"}}}""", "{}");

        Assert.Equal("""{"replicas":2}""", Json.Text(result));
    }

    [Fact]
    public void Given_values_are_not_overwritten_even_when_null()
    {
        var result = Apply("""{"properties": {"a": {"default": 1}, "b": {"default": 2}}}""", """{"a": 5, "b": null}""");

        Assert.Equal("""{"a":5,"b":null}""", Json.Text(result));
    }

    [Fact]
    public void Defaults_apply_inside_given_nested_objects()
    {
        var result = Apply(
            """{"properties": {"repo": {"type": "object", "properties": {"host": {"default": "github.com"}, "owner": {}}}}}""",
            """{"repo": {"owner": "me"}}""");

        Assert.Equal("""{"repo":{"owner":"me","host":"github.com"}}""", Json.Text(result));
    }

    [Fact]
    public void Absent_nested_object_is_created_when_its_schema_has_defaults()
    {
        var result = Apply(
            """{"properties": {"ci": {"type": "object", "properties": {"provider": {"default": "github"}}}, "empty": {"properties": {"x": {}}}}}""",
            "{}");

        Assert.Equal("""{"ci":{"provider":"github"}}""", Json.Text(result));
    }

    [Fact]
    public void Defaults_follow_references()
    {
        var result = Apply(
            """{"definitions": {"port": {"type": "integer", "default": 8080}}, "properties": {"port": {"$ref": "#/definitions/port"}}}""",
            "{}");

        Assert.Equal("""{"port":8080}""", Json.Text(result));
    }

    [Fact]
    public void Recursive_schema_does_not_build_forever()
    {
        var result = Apply("""{"properties": {"name": {"default": "n"}, "child": {"$ref": "#"}}}""", "{}");

        Assert.Equal("""{"name":"n"}""", Json.Text(result));
    }

    [Fact]
    public void Recursive_schema_fills_given_nested_objects()
    {
        var result = Apply("""{"properties": {"name": {"default": "n"}, "child": {"$ref": "#"}}}""", """{"child": {"child": {}}}""");

        Assert.Equal("""{"child":{"child":{"name":"n"},"name":"n"},"name":"n"}""", Json.Text(result));
    }

    [Fact]
    public void Default_values_are_copied_not_shared()
    {
        var schema = JsonSchema.Compile(Json.Parse("""{"properties": {"tags": {"default": ["a"]}}}"""));

        var first = schema.ApplyDefaults(new JsonObject())!;
        first["tags"]!.AsArray().Add("b");
        var second = schema.ApplyDefaults(new JsonObject());

        Assert.Equal("""{"tags":["a"]}""", Json.Text(second));
    }

    [Fact]
    public void Input_values_are_left_unchanged()
    {
        var values = Json.Parse("""{"a": {}}""");

        JsonSchema.Compile(Json.Parse("""{"properties": {"a": {"properties": {"b": {"default": 1}}}}}""")).ApplyDefaults(values);

        Assert.Equal("""{"a":{}}""", Json.Text(values));
    }

    [Fact]
    public void One_call_helper_applies_defaults_from_a_schema_document()
    {
        var result = JsonSchemaValidator.ApplyDefaults(Json.Parse("""{"properties": {"lifecycle": {"default": "experimental"}}}"""), new JsonObject());

        Assert.Equal("""{"lifecycle":"experimental"}""", Json.Text(result));
    }

    [Fact]
    public void Non_object_values_are_returned_as_copies()
    {
        Assert.Equal("5", Json.Text(Apply("""{"properties": {"a": {"default": 1}}}""", "5")));
        Assert.Null(Apply("""{"properties": {"a": {"default": 1}}}""", "null"));
    }

    [Fact]
    public void Defaults_then_validation_accept_a_form_with_only_required_fields()
    {
        var schema = JsonSchema.Compile(Json.Parse("""
            {"required": ["name", "replicas"], "properties": {"name": {"type": "string"}, "replicas": {"type": "integer", "default": 1}}}
            """));

        var values = schema.ApplyDefaults(Json.Parse("""{"name": "svc"}"""));

        Assert.Empty(schema.Validate(values));
    }
}
