using System.Text.Json.Nodes;
using Scaffolder.Scaffolding.Templates;
using Xunit;

namespace Scaffolder.Scaffolding.Tests.Templates;

public sealed class ParameterValidatorTests
{
    private static readonly CompiledTemplate Template = TemplateCatalog.Compile(
        JsonNode.Parse("""
            {
              "apiVersion": "scaffolder.backstage.io/v1beta3", "kind": "Template", "metadata": {"name": "t"},
              "spec": {
                "parameters": [
                  {"required": ["name"], "properties": {"name": {"type": "string", "pattern": "^[a-z]+$"}, "size": {"type": "integer", "default": 2}}},
                  {"required": ["owner"], "properties": {"owner": {"type": "string"}}}
                ],
                "secrets": {"schema": {"required": ["token"], "properties": {"token": {"type": "string", "minLength": 4}}}},
                "steps": []
              }
            }
            """)!.AsObject(),
        "template:default/t",
        null);

    [Fact]
    public void Valid_values_come_back_with_defaults_filled_in()
    {
        var values = ParameterValidator.ValidateValues(Template, new JsonObject { ["name"] = "orders", ["owner"] = "me" });

        Assert.Equal("""{"name":"orders","owner":"me","size":2}""", values.ToJsonString());
    }

    [Fact]
    public void The_first_failing_parameter_step_answers_with_every_violation_and_its_path()
    {
        var error = Assert.Throws<TemplateValuesInvalidError>(() =>
            ParameterValidator.ValidateValues(Template, new JsonObject { ["name"] = "Not Valid", ["size"] = "big" }));

        var errors = error.Body["errors"]!.AsArray();
        Assert.Equal(["instance.name", "instance.size"], errors.Select(e => e!["property"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(["pattern", "type"], errors.Select(e => e!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e!["path"]!.ToJsonString() == """["name"]""");
    }

    [Fact]
    public void Later_steps_are_checked_once_earlier_ones_pass()
    {
        var error = Assert.Throws<TemplateValuesInvalidError>(() => ParameterValidator.ValidateValues(Template, new JsonObject { ["name"] = "ok" }));

        var violation = Assert.Single(error.Body["errors"]!.AsArray());
        Assert.Equal("required", violation!["name"]!.GetValue<string>());
        Assert.Equal("owner", violation["argument"]!.GetValue<string>());
    }

    [Fact]
    public void Secrets_are_checked_against_the_secrets_schema_without_echoing_them()
    {
        var missing = Assert.Throws<TemplateValuesInvalidError>(() => ParameterValidator.ValidateSecrets(Template, new Dictionary<string, string>()));
        var tooShort = Assert.Throws<TemplateValuesInvalidError>(() => ParameterValidator.ValidateSecrets(Template, new Dictionary<string, string> { ["token"] = "abc" }));

        Assert.Equal("secrets.token is required", missing.Body["errors"]![0]!["message"]!.GetValue<string>());
        Assert.DoesNotContain("\"abc\"", tooShort.Body.ToJsonString(), StringComparison.Ordinal);
        ParameterValidator.ValidateSecrets(Template, new Dictionary<string, string> { ["token"] = "abcd" });
    }
}

public sealed class ParameterPageWhenTests
{
    private static readonly Scaffolding.Expressions.Backstage.BackstageExpressionRenderer Expressions = new();

    private static readonly CompiledTemplate Template = TemplateCatalog.Compile(
        JsonNode.Parse("""
            {
              "apiVersion": "scaffolder.backstage.io/v1beta3", "kind": "Template", "metadata": {"name": "t"},
              "spec": {
                "parameters": [
                  {"required": ["cloudProvider"], "properties": {"cloudProvider": {"type": "string", "enum": ["AWS", "Azure"]}}},
                  {"when": "${{ parameters.cloudProvider === 'AWS' }}", "required": ["awsRegion"],
                   "properties": {"awsRegion": {"type": "string"}, "awsTier": {"type": "string", "default": "standard"}}}
                ],
                "steps": []
              }
            }
            """)!.AsObject(),
        "template:default/t",
        null);

    [Fact]
    public void A_page_whose_when_is_false_is_neither_validated_nor_defaulted()
    {
        var values = ParameterValidator.ValidateValues(Template, new JsonObject { ["cloudProvider"] = "Azure" }, Expressions);

        Assert.Equal("""{"cloudProvider":"Azure"}""", values.ToJsonString());
    }

    [Fact]
    public void A_page_whose_when_is_true_is_validated_and_defaulted()
    {
        Assert.Throws<TemplateValuesInvalidError>(() => ParameterValidator.ValidateValues(Template, new JsonObject { ["cloudProvider"] = "AWS" }, Expressions));

        var values = ParameterValidator.ValidateValues(Template, new JsonObject { ["cloudProvider"] = "AWS", ["awsRegion"] = "eu-west-1" }, Expressions);
        Assert.Equal("standard", values["awsTier"]!.GetValue<string>());
    }

    [Fact]
    public void A_when_that_cannot_be_evaluated_is_an_input_error_naming_it()
    {
        var template = TemplateCatalog.Compile(
            JsonNode.Parse("""{"apiVersion": "scaffolder.backstage.io/v1beta3", "kind": "Template", "metadata": {"name": "t"}, "spec": {"parameters": [{"when": "${{ parameters.x | nope }}"}], "steps": []}}""")!.AsObject(),
            "template:default/t",
            null);

        var error = Assert.Throws<Scaffolder.Common.Errors.InputError>(() => ParameterValidator.ValidateValues(template, new JsonObject(), Expressions));

        Assert.Contains("spec.parameters[0].when (line 1, column ", error.Message, StringComparison.Ordinal);
    }
}
