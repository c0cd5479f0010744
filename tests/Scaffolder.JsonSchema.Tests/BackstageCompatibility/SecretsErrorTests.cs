using Scaffolder.JsonSchema.Tests.Support;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Tests.BackstageCompatibility;

public sealed class SecretsErrorTests
{
    [Fact]
    public void Secrets_body_is_what_backstage_answers_for_secrets_failing_spec_secrets_schema()
    {
        var schema = JsonSchema.Compile(Json.Parse("""
            {"required": ["apiKey"], "properties": {"token": {"minLength": 8}}, "dependencies": {"user": ["password"]}, "additionalProperties": {"type": "string"}}
            """));

        var errors = schema.Validate(Json.Parse("""{"token": "short", "user": "me", "extra": 1}"""));
        var body = ValidationErrorJson.ToBackstageSecretsBody(errors);

        // Recorded: jsonschema@1.5.0's errors passed through Backstage's formatSecretsValidationErrors.
        var expected = Json.Parse("""
            {"errors":[
              {"path":[],"property":"secrets","message":"secrets.apiKey is required","schema":{"required":["apiKey"],"properties":{"token":{"minLength":8}},"dependencies":{"user":["password"]},"additionalProperties":{"type":"string"}},"instance":{},"name":"required","argument":"apiKey","stack":"instance requires property \"apiKey\""},
              {"path":["token"],"property":"secrets.token","message":"secrets.token does not meet minimum length of 8","schema":{"minLength":8},"instance":{},"name":"minLength","argument":8,"stack":"instance.token does not meet minimum length of 8"},
              {"path":[],"property":"secrets","message":"secrets property password not found, required by instance.user","schema":{"required":["apiKey"],"properties":{"token":{"minLength":8}},"dependencies":{"user":["password"]},"additionalProperties":{"type":"string"}},"instance":{},"name":"dependencies","argument":"instance.user","stack":"instance property password not found, required by instance.user"},
              {"path":["extra"],"property":"secrets.extra","message":"secrets.extra is not of a type(s) string","schema":{"type":"string"},"instance":{},"name":"type","argument":["string"],"stack":"instance.extra is not of a type(s) string"}
            ]}
            """);
        Assert.True(JsonEquality.Instance.Equals(expected, body), Json.Text(body));
    }

    [Fact]
    public void Secrets_body_never_echoes_a_secret_value()
    {
        var schema = JsonSchema.Compile(Json.Parse("""{"properties": {"token": {"pattern": "^ghp_"}}}"""));

        var body = ValidationErrorJson.ToBackstageSecretsBody(schema.Validate(Json.Parse("""{"token": "hunter2-very-secret"}""")));

        Assert.DoesNotContain("hunter2", body.ToJsonString());
    }
}
