using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Tests.Support;

namespace Scaffolder.JsonSchema.Tests.BackstageCompatibility;

public sealed class ErrorShapeTests
{
    [Fact]
    public void Error_json_has_the_library_key_order_and_stack_is_property_and_message()
    {
        var errors = JsonSchemaValidator.Validate(Json.Parse("""{"required": ["name"]}"""), new JsonObject());

        var json = ValidationErrorJson.ToJson(Assert.Single(errors));

        Assert.Equal(["path", "property", "message", "schema", "instance", "name", "argument", "stack"], json.Select(p => p.Key));
        Assert.Equal("instance requires property \"name\"", (string)json["stack"]!);
        Assert.Equal(errors[0].Property + " " + errors[0].Message, errors[0].Stack);
    }

    [Fact]
    public void Error_json_leaves_out_instance_and_argument_where_the_library_has_none()
    {
        var missing = JsonSchemaValidator.Validate(Json.Parse("""{"properties": {"a": {"required": true}}}"""), new JsonObject());
        var duplicate = JsonSchemaValidator.Validate(Json.Parse("""{"uniqueItems": true}"""), Json.Parse("[1, 1]"));

        var missingJson = ValidationErrorJson.ToJson(Assert.Single(missing));
        var duplicateJson = ValidationErrorJson.ToJson(Assert.Single(duplicate));

        Assert.False(missingJson.ContainsKey("instance"));
        Assert.False(missingJson.ContainsKey("argument"));
        Assert.True(duplicateJson.ContainsKey("instance"));
        Assert.False(duplicateJson.ContainsKey("argument"));
    }

    [Fact]
    public void Json_null_instance_is_written_as_null_not_left_out()
    {
        var errors = JsonSchemaValidator.Validate(Json.Parse("""{"properties": {"a": {"type": "string"}}}"""), Json.Parse("""{"a": null}"""));

        var json = ValidationErrorJson.ToJson(Assert.Single(errors));

        Assert.True(json.ContainsKey("instance"));
        Assert.Null(json["instance"]);
    }

    [Fact]
    public void Path_mixes_property_names_and_integer_indexes()
    {
        var errors = JsonSchemaValidator.Validate(
            Json.Parse("""{"properties": {"steps": {"items": {"properties": {"id": {"type": "string"}}}}}}"""),
            Json.Parse("""{"steps": [{"id": "a"}, {"id": 7}]}"""));

        var error = Assert.Single(errors);
        Assert.Equal(["steps", 1, "id"], error.Path);
        Assert.Equal("instance.steps[1].id", error.Property);
        Assert.Equal("""["steps",1,"id"]""", ValidationErrorJson.ToJson(error)["path"]!.ToJsonString());
    }

    [Fact]
    public void Backstage_body_wraps_the_errors_in_an_errors_array()
    {
        var errors = JsonSchemaValidator.Validate(Json.Parse("""{"required": ["a", "b"]}"""), new JsonObject());

        var body = ValidationErrorJson.ToBackstageBody(errors);

        Assert.Equal(2, body["errors"]!.AsArray().Count);
        Assert.Equal("requires property \"b\"", (string)body["errors"]![1]!["message"]!);
    }

    [Fact]
    public void Serialised_errors_are_copies_that_can_be_attached_anywhere()
    {
        var schema = Json.Parse("""{"properties": {"a": {"enum": [1, 2]}}}""");
        var errors = JsonSchemaValidator.Validate(schema, Json.Parse("""{"a": 3}"""));

        var first = ValidationErrorJson.ToBackstageBody(errors);
        var second = ValidationErrorJson.ToBackstageBody(errors);
        var holder = new JsonObject { ["one"] = first, ["two"] = second };

        Assert.Equal(holder["one"]!.ToJsonString(), holder["two"]!.ToJsonString());
    }

    [Fact]
    public void Root_name_replaces_instance_in_property_stack_and_dependency_messages()
    {
        var schema = JsonSchema.Compile(Json.Parse("""
            {"required": ["token"], "properties": {"token": {"minLength": 8}}, "dependencies": {"user": ["password"]}}
            """));

        var errors = schema.Validate(Json.Parse("""{"user": "me"}"""), rootName: "secrets");

        Assert.Equal(["secrets requires property \"token\"", "secrets property password not found, required by secrets.user"], errors.Select(e => e.Stack));
        Assert.Equal("secrets.user", errors[1].Argument!.GetValue<string>());
    }

    [Fact]
    public void Root_name_applies_to_nested_properties()
    {
        var schema = JsonSchema.Compile(Json.Parse("""{"properties": {"token": {"minLength": 8}}}"""));

        var error = Assert.Single(schema.Validate(Json.Parse("""{"token": "short"}"""), rootName: "secrets"));

        Assert.Equal("secrets.token", error.Property);
        Assert.Equal("secrets.token does not meet minimum length of 8", error.Stack);
    }

    [Fact]
    public void AllOf_argument_carries_the_failing_subschema_result()
    {
        var errors = JsonSchemaValidator.Validate(Json.Parse("""{"allOf": [{"type": "string"}]}"""), Json.Parse("1"));

        var argument = errors[0].Argument!;

        Assert.Equal("[subschema 0]", (string)argument["id"]!);
        Assert.Equal(1, (int)argument["length"]!);
        Assert.Equal("is not of a type(s) string", (string)argument["valid"]!["errors"]![0]!["message"]!);
    }
}
