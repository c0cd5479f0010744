using System.Text.Json.Nodes;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Scaffolding.Expressions;
using Scaffolder.Scaffolding.Expressions.Backstage;
using Xunit;

namespace Scaffolder.Scaffolding.Tests.Expressions;

public sealed class BackstageExpressionRendererTests
{
    private static readonly BackstageExpressionRenderer Renderer = new(new ScmIntegrations([new ScmIntegration { Host = "git.example.com", Type = ScmProviderType.GitHub }]));

    private static readonly JsonObject Context = JsonNode.Parse("""
        {
          "parameters": { "name": "Orders", "replicas": 3, "public": true, "tags": ["a", "b"], "owner": "group:default/team-a",
                          "repoUrl": "git.example.com?owner=acme&repo=orders", "nested": { "deep": { "value": "x" } }, "empty": "",
                          "hostType": "GitLab", "repo": "acme/orders" },
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
    [InlineData("${{ 3 if parameters.public else 1 }}", "3")]
    [InlineData("${{ parameters.hostType === 'GitLab' }}", "true")]
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
    [InlineData("${{ paramters.typo.instance_type }}/x", "/x")]
    public void Mixed_text_renders_to_a_string_the_way_nunjucks_prints_values(string template, string expected)
    {
        var result = Render(template);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Value!.GetValue<string>());
    }

    [Theory]
    [InlineData("${{ parameters.name | lower }}", "orders")]
    [InlineData("${{ steps['fetch-base'].output.path }}", "./out")]
    [InlineData("${{ parameters.repo.split('/')[1] }}", "orders")]
    [InlineData("${{ parameters.name | lower | replace('o', '0') }}", "0rders")]
    [InlineData("${{ 'user:' + parameters.name }}", "user:Orders")]
    [InlineData("${{ parameters.missing + '/' + parameters.missing }}", "undefined/undefined")]
    [InlineData("${{ parameters.tags | join(', ') }}", "a, b")]
    public void Nunjucks_filters_operators_and_javascript_members_work_inside_expressions(string template, string expected) =>
        Assert.Equal(expected, Render(template).Value!.GetValue<string>());

    [Fact]
    public void Boolean_operators_are_nunjucks_words()
    {
        Assert.True(Render("${{ parameters.replicas > 2 and parameters.public }}").Value!.GetValue<bool>());
        Assert.True(Render("${{ not parameters.missing }}").Value!.GetValue<bool>());
        Assert.True(Render("${{ 'a' in parameters.tags }}").Value!.GetValue<bool>());
    }

    [Fact]
    public void Backstage_filters_parse_repo_urls_entity_refs_and_pick_paths_with_configured_integrations()
    {
        Assert.Equal(
            """{"host":"git.example.com","owner":"acme","repo":"orders"}""",
            Render("${{ parameters.repoUrl | parseRepoUrl }}").Value!.ToJsonString());
        Assert.Equal("acme", Render("${{ (parameters.repoUrl | parseRepoUrl).owner }}").Value!.GetValue<string>());
        Assert.Equal("acme/orders", Render("${{ parameters.repoUrl | projectSlug }}").Value!.GetValue<string>());
        Assert.Equal(
            """{"kind":"group","namespace":"default","name":"team-a"}""",
            Render("${{ parameters.owner | parseEntityRef }}").Value!.ToJsonString());
        Assert.Equal("team-a", Render("${{ parameters.owner | parseEntityRef | pick('name') }}").Value!.GetValue<string>());
        Assert.Equal("x", Render("${{ parameters | pick('nested.deep.value') }}").Value!.GetValue<string>());
        Assert.Equal(
            """{"kind":"user","namespace":"people","name":"jane"}""",
            Render("${{ 'jane' | parseEntityRef({ defaultKind: 'user', defaultNamespace: 'people' }) }}").Value!.ToJsonString());
    }

    [Fact]
    public void A_repo_url_on_a_host_without_integration_is_an_error_with_backstages_message()
    {
        var result = Render("${{ 'elsewhere.org?owner=a&repo=b' | parseRepoUrl }}");

        var error = Assert.Single(result.Errors);
        Assert.Contains("No matching integration configuration for host elsewhere.org", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_to_nothing_drops_the_key_but_a_lone_expression_yielding_empty_text_keeps_it_as_nunjucks_dumps_it()
    {
        var result = Renderer.Render(
            JsonNode.Parse("""{"a": "${{ parameters.empty }}", "b": "${{ parameters.missing }}", "c": "", "d": "${{ parameters.name }}", "e": "${{ parameters.name if parameters.missing }}"}"""),
            Scope(),
            "input");

        Assert.Empty(result.Errors);
        Assert.Equal("""{"a":"","d":"Orders","e":""}""", result.Value!.ToJsonString());
        Assert.True(Render("${{ parameters.missing }}").IsUndefined);
        Assert.True(Render("x${{ parameters.empty }}").Value!.GetValue<string>() == "x");
        Assert.True(Render("${{ parameters.empty }}${{ parameters.missing }}").IsUndefined);
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

    [Fact]
    public void Strings_with_nunjucks_tags_render_as_whole_templates_next_to_typed_values()
    {
        var result = Renderer.Render(
            JsonNode.Parse("""
                {"message": "{% if parameters.public %}Public{% else %}Private{% endif %} ${{ parameters.name }}",
                 "list": "{% for t in parameters.tags %}${{ t }};{% endfor %}{# a note #}",
                 "gone": "{% if parameters.missing %}x{% endif %}",
                 "count": "${{ parameters.replicas }}"}
                """),
            Scope(),
            "input");

        Assert.Empty(result.Errors);
        Assert.Equal("""{"message":"Public Orders","list":"a;b;","count":3}""", result.Value!.ToJsonString());
    }

    [Fact]
    public void An_unterminated_tag_in_a_string_is_reported_with_its_path()
    {
        var result = Renderer.Render(new JsonObject { ["message"] = "{% if parameters.public %}never closed" }, Scope(), "input");

        var error = Assert.Single(result.Errors);
        Assert.Equal("input.message", error.Path);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Scriban_and_plain_braces_are_literal_text()
    {
        Assert.Equal("{{ values.name }}", Render("{{ values.name }}").Value!.GetValue<string>());
        Assert.Equal("${{ github.sha }}", Render("${{ '${{ github.sha }}' }}").Value!.GetValue<string>());
    }

    [Theory]
    [InlineData("${{ parameters.name | no_such_filter }}", 1, 23, "filter not found: no_such_filter")]
    [InlineData("a\n${{ parameters.missing.split('/') }}", 2, 1, "Unable to call")]
    [InlineData("${{ parameters.name", 1, 1, "")]
    public void A_failing_string_is_reported_with_its_path_line_and_column(string template, int line, int column, string message)
    {
        var result = Renderer.Render(new JsonObject { ["values"] = new JsonObject { ["field"] = template } }, Scope(), "input");

        var error = Assert.Single(result.Errors);
        Assert.Equal("input.values.field", error.Path);
        Assert.Equal(template, error.Text);
        Assert.Equal(line, error.Line);
        Assert.True(error.Column >= column, $"column {error.Column}");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("input.values.field (line ", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${{ parameters.public }}", true)]
    [InlineData("${{ parameters.replicas == 3 }}", true)]
    [InlineData("${{ parameters.replicas === 3 }}", true)]
    [InlineData("${{ parameters.public !== true }}", false)]
    [InlineData("${{ parameters.empty }}", false)]
    [InlineData("${{ parameters.missing }}", false)]
    [InlineData("${{ 0 }}", false)]
    [InlineData("${{ [] }}", false)]
    [InlineData("${{ 'false' }}", true)]
    [InlineData("${{ parameters.tags }}", true)]
    [InlineData("${{ parameters.nested }}", true)]
    [InlineData("${{ parameters.name is string }}", true)]
    [InlineData("text", true)]
    public void If_conditions_follow_backstages_truthiness(string condition, bool expected)
    {
        var result = Renderer.Evaluate(JsonValue.Create(condition), Scope(), "if");

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.IsTrue);
    }

    [Fact]
    public void Only_the_literal_false_skips_among_values_that_are_not_strings()
    {
        Assert.False(Renderer.Evaluate(JsonValue.Create(false), Scope(), "if").IsTrue);
        Assert.True(Renderer.Evaluate(JsonValue.Create(true), Scope(), "if").IsTrue);
        Assert.True(Renderer.Evaluate(JsonValue.Create(0), Scope(), "if").IsTrue);
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
    [InlineData("${{ failure() and parameters.public }}", true)]
    [InlineData("${{ parameters.public }}", false)]
    [InlineData("always()", false)]
    public void A_condition_runs_after_failure_only_when_it_calls_always_or_failure(string condition, bool expected)
    {
        Assert.Equal(expected, Renderer.RunsAfterFailure(JsonValue.Create(condition)));
        Assert.False(Renderer.RunsAfterFailure(null));
    }

    [Fact]
    public void Templating_extensions_list_backstages_filters_and_status_functions_with_nunjucks_examples()
    {
        Assert.Equal(["parseEntityRef", "parseRepoUrl", "pick", "projectSlug"], Renderer.Extensions.Filters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["always", "failure"], Renderer.Extensions.GlobalFunctions.Keys.Order(StringComparer.Ordinal));
        foreach (var example in Renderer.Extensions.Filters.Values.SelectMany(f => f.Examples!))
        {
            var expression = example.Example;
            var result = Render(expression);
            Assert.True(result.Errors.Count == 0, $"{expression}: {string.Join("; ", result.Errors)}");
        }
    }

    [Fact]
    public void Secrets_are_readable_where_the_scope_holds_them()
    {
        Assert.Equal("s3cr3t", Render("${{ secrets.token }}").Value!.GetValue<string>());
    }

    private static ExpressionResult Render(string template) => Renderer.Render(JsonValue.Create(template), Scope(), "input");

    private static ExpressionScope Scope(bool failed = false) => new() { Context = Context, PreviousStepFailed = failed };
}
