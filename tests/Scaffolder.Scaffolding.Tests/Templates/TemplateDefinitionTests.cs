using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;
using Scaffolder.Scaffolding.Templates;
using Xunit;

namespace Scaffolder.Scaffolding.Tests.Templates;

public sealed class TemplateDefinitionTests
{
    [Fact]
    public void Steps_get_default_ids_and_names_and_keep_their_other_keys()
    {
        var template = Read("""
            {"steps": [
              {"action": "debug:log", "input": {"message": "hi"}, "backstage:permissions": {"tags": ["x"]}},
              {"id": "publish", "name": "Publish", "action": "publish:git", "if": "${{ parameters.go }}", "each": [1, 2]}
            ]}
            """);

        Assert.Equal(["step-1", "publish"], template.Steps.Select(s => s.Id));
        Assert.Equal(["debug:log", "Publish"], template.Steps.Select(s => s.Name));
        Assert.Equal("""{"tags":["x"]}""", template.Steps[0].Json["backstage:permissions"]!.ToJsonString());
        Assert.Equal("${{ parameters.go }}", template.Steps[1].If!.GetValue<string>());
        Assert.Equal("[1,2]", template.Steps[1].Each!.ToJsonString());
    }

    [Fact]
    public void Parameters_may_be_one_object_or_a_list_and_recovery_is_read()
    {
        Assert.Single(Read("""{"parameters": {"properties": {}}, "steps": []}""").Parameters);
        Assert.Equal(2, Read("""{"parameters": [{}, {}], "steps": []}""").Parameters.Count);
        Assert.Equal("startOver", Read("""{"steps": [], "EXPERIMENTAL_recovery": {"EXPERIMENTAL_strategy": "startOver"}}""").RecoverStrategy);
        Assert.Equal("none", Read("""{"steps": []}""").RecoverStrategy);
    }

    [Theory]
    [InlineData("""{"steps": [{"id": "x"}]}""", "spec.steps[0].action")]
    [InlineData("""{"steps": {"a": 1}}""", "spec.steps must be an array")]
    [InlineData("""{"steps": [{"action": "a", "input": "x"}]}""", "spec.steps[0].input")]
    [InlineData("""{"parameters": 3, "steps": []}""", "spec.parameters")]
    public void Malformed_templates_are_input_errors_naming_the_field(string spec, string expected)
    {
        var entity = Entity(spec);

        var error = Assert.Throws<InputError>(() => TemplateCatalog.Compile(entity, "template:default/t", null));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_v1beta3_templates_are_accepted()
    {
        var entity = Entity("""{"steps": []}""");
        entity["apiVersion"] = "scaffolder.backstage.io/v1beta2";

        Assert.False(TemplateDefinition.IsTemplate(entity));
        Assert.Throws<InputError>(() => TemplateCatalog.Compile(entity, "template:default/t", null));
    }

    [Theory]
    [InlineData("file:/srv/templates/a/template.yaml", "file:///srv/templates/a/template.yaml")]
    [InlineData("url:https://example.com/t/template.yaml", "https://example.com/t/template.yaml")]
    public void Base_url_comes_from_the_managed_by_location_annotation(string location, string expected)
    {
        var entity = Entity("""{"steps": []}""");
        entity["metadata"]!["annotations"] = new JsonObject { ["backstage.io/managed-by-location"] = location };

        Assert.Equal(expected, TemplateDefinition.BaseUrlOf(entity));
    }

    private static TemplateDefinition Read(string spec) => TemplateDefinition.Read(Entity(spec), "template:default/t", null);

    private static JsonObject Entity(string spec) => new()
    {
        ["apiVersion"] = "scaffolder.backstage.io/v1beta3",
        ["kind"] = "Template",
        ["metadata"] = new JsonObject { ["name"] = "t" },
        ["spec"] = JsonNode.Parse(spec),
    };
}
