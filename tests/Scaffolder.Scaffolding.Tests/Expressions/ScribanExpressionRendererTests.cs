using System.Text.Json.Nodes;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Scaffolding.Expressions;
using Scaffolder.Scaffolding.Expressions.Scriban;
using Xunit;

namespace Scaffolder.Scaffolding.Tests.Expressions;

public sealed class ScribanExpressionRendererTests
{
    private static readonly ScribanExpressionRenderer Renderer = new(new ScmIntegrations([new ScmIntegration { Host = "git.example.com", Type = ScmProviderType.GitHub }]));

    private static readonly JsonObject Context = JsonNode.Parse("""
        {
          "parameters": { "name": "Orders", "replicas": 3, "public": true, "tags": ["a", "b"], "owner": "group:default/team-a",
                          "repoUrl": "git.example.com?owner=acme&repo=orders", "nested": { "deep": { "value": "x" } }, "empty": "" },
          "steps": { "fetch-base": { "output": { "path": "./out" } } },
          "secrets": { "token": "s3cr3t" },
          "context": { "task": { "id": "task-1" } }
        }
        """)!.AsObject();

    [Theory]
    [InlineData("${{ parameters.name }}", "\"Orders\"")]
    [InlineData("${{ parameters.replicas }}", "3")]
    [InlineData("${{ parameters.public }}", "true")]
    [InlineData("${{ parameters.tags }}", "[\"a\",\"b\"]")]
    [InlineData("${{ parameters.nested.deep }}", "{\"value\":\"x\"}")]
    [InlineData("${{parameters.replicas}}", "3")]
    public void A_string_that_is_exactly_one_expression_keeps_the_value_type(string template, string expected)
    {
        var result = Render(template);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Value!.ToJsonString());
    }

    [Theory]
    [InlineData("name: ${{ parameters.name }}", "name: Orders")]
    [InlineData("${{ parameters.replicas }} replicas", "3 replicas")]
    [InlineData("${{ parameters.tags }}!", "a,b!")]
    [InlineData(" ${{ parameters.nested }}", " [object Object]")]
    [InlineData("${{ parameters.name }}-${{ context.task.id }}", "Orders-task-1")]
    [InlineData("${{ parameters.missing }}/x", "/x")]
    public void Mixed_text_renders_to_a_string_the_way_javascript_prints_values(string template, string expected)
    {
        var result = Render(template);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Value!.GetValue<string>());
    }

    [Fact]
    public void Filters_operators_and_bracket_access_work_inside_expressions()
    {
        Assert.Equal("orders", Render("${{ parameters.name | string.downcase }}").Value!.GetValue<string>());
        Assert.Equal("./out", Render("${{ steps['fetch-base'].output.path }}").Value!.GetValue<string>());
        Assert.True(Render("${{ parameters.replicas > 2 && parameters.public }}").Value!.GetValue<bool>());
    }

    [Fact]
    public void Backstage_filters_parse_repo_urls_entity_refs_and_pick_paths()
    {
        Assert.Equal(
            """{"host":"git.example.com","owner":"acme","repo":"orders"}""",
            Render("${{ parameters.repoUrl | parseRepoUrl }}").Value!.ToJsonString());
        Assert.Equal("acme/orders", Render("${{ parameters.repoUrl | projectSlug }}").Value!.GetValue<string>());
        Assert.Equal(
            """{"kind":"group","namespace":"default","name":"team-a"}""",
            Render("${{ parameters.owner | parseEntityRef }}").Value!.ToJsonString());
        Assert.Equal("team-a", Render("${{ parameters.owner | parseEntityRef | pick 'name' }}").Value!.GetValue<string>());
        Assert.Equal("x", Render("${{ parameters | pick 'nested.deep.value' }}").Value!.GetValue<string>());
        Assert.Equal(
            """{"kind":"user","namespace":"people","name":"jane"}""",
            Render("${{ 'jane' | parseEntityRef { defaultKind: 'user', defaultNamespace: 'people' } }}").Value!.ToJsonString());
    }

    [Fact]
    public void A_repo_url_on_a_host_without_integration_is_an_expression_error_with_backstages_message()
    {
        var result = Render("${{ 'elsewhere.org?owner=a&repo=b' | parseRepoUrl }}");

        var error = Assert.Single(result.Errors);
        Assert.Contains("No matching integration configuration for host elsewhere.org", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_to_an_empty_string_or_nothing_drops_the_key()
    {
        var result = Renderer.Render(
            JsonNode.Parse("""{"a": "${{ parameters.empty }}", "b": "${{ parameters.missing }}", "c": "", "d": "${{ parameters.name }}"}"""),
            Scope(),
            "input");

        Assert.Empty(result.Errors);
        Assert.Equal("""{"d":"Orders"}""", result.Value!.ToJsonString());
        Assert.True(Render("${{ parameters.empty }}").IsUndefined);
    }

    [Fact]
    public void Objects_and_arrays_are_rendered_recursively_and_other_values_kept()
    {
        var result = Renderer.Render(
            JsonNode.Parse("""{"list": ["${{ parameters.name }}", 1, {"x": "${{ parameters.replicas }}"}], "flag": false, "n": null}"""),
            Scope(),
            "input");

        Assert.Equal("""{"list":["Orders",1,{"x":3}],"flag":false,"n":null}""", result.Value!.ToJsonString());
    }

    [Theory]
    [InlineData("${{ parameters.name | no_such_function }}")]
    [InlineData("${{ parameters.name ( }}")]
    [InlineData("prefix ${{ parameters.name | no_such_function }}")]
    [InlineData("${{ parameters.name")]
    public void An_expression_that_fails_keeps_the_original_string_and_reports_where(string template)
    {
        var result = Renderer.Render(new JsonObject { ["field"] = template }, Scope(), "input");

        Assert.Equal(template, result.Value!["field"]!.GetValue<string>());
        var error = Assert.Single(result.Errors);
        Assert.Equal("input.field", error.Path);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData("${{ parameters.public }}", true)]
    [InlineData("${{ parameters.replicas == 3 }}", true)]
    [InlineData("${{ parameters.empty }}", false)]
    [InlineData("${{ parameters.missing }}", false)]
    [InlineData("${{ 0 }}", false)]
    [InlineData("${{ [] }}", false)]
    [InlineData("${{ parameters.tags }}", true)]
    [InlineData("${{ parameters.nested }}", true)]
    [InlineData("text", true)]
    public void If_conditions_follow_backstages_truthiness(string condition, bool expected)
    {
        var result = Renderer.Evaluate(JsonValue.Create(condition), Scope(), "if");

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.IsTrue);
    }

    [Fact]
    public void Literal_conditions_are_judged_without_rendering()
    {
        Assert.False(Renderer.Evaluate(JsonValue.Create(false), Scope(), "if").IsTrue);
        Assert.True(Renderer.Evaluate(JsonValue.Create(true), Scope(), "if").IsTrue);
        Assert.False(Renderer.Evaluate(JsonValue.Create(0), Scope(), "if").IsTrue);
    }

    [Fact]
    public void Always_is_true_and_failure_reflects_whether_a_previous_step_failed()
    {
        Assert.True(Renderer.Evaluate(JsonValue.Create("${{ always() }}"), Scope(), "if").IsTrue);
        Assert.False(Renderer.Evaluate(JsonValue.Create("${{ failure() }}"), Scope(), "if").IsTrue);
        Assert.True(Renderer.Evaluate(JsonValue.Create("${{ failure() }}"), Scope(failed: true), "if").IsTrue);
    }

    [Theory]
    [InlineData("${{ always() }}", true)]
    [InlineData("${{ failure() && parameters.public }}", true)]
    [InlineData("${{ parameters.public }}", false)]
    [InlineData("always()", false)]
    public void A_condition_runs_after_failure_only_when_it_calls_always_or_failure(string condition, bool expected)
    {
        Assert.Equal(expected, Renderer.RunsAfterFailure(JsonValue.Create(condition)));
        Assert.False(Renderer.RunsAfterFailure(null));
    }

    [Fact]
    public void Templating_extensions_list_backstages_filters_and_status_functions()
    {
        Assert.Equal(["parseEntityRef", "parseRepoUrl", "pick", "projectSlug"], Renderer.Extensions.Filters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["always", "failure"], Renderer.Extensions.GlobalFunctions.Keys.Order(StringComparer.Ordinal));
    }

    private static ExpressionResult Render(string template) => Renderer.Render(JsonValue.Create(template), Scope(), "input");

    private static ExpressionScope Scope(bool failed = false) => new() { Context = Context, PreviousStepFailed = failed };
}
