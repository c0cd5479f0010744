using System.Text.Json.Nodes;
using Scaffolder.Templating.Backstage;
using Xunit;

namespace Scaffolder.Templating.Tests.Backstage;

/// <summary>Backstage's <c>${{ }}</c> rendering of template.yaml values, with the expression forms real templates use.</summary>
public sealed class BackstageExpressionEvaluatorTests
{
    private static readonly JsonObject Context = JsonNode.Parse("""
        {
          "parameters": {
            "name": "My Service", "repoUrl": "github.com?owner=acme&repo=svc", "owner": "group:default/team-a",
            "tags": ["a", "b"], "port": 8080, "flag": true, "blank": "", "nothing": null, "dryRun": false,
            "nested": { "a": { "b": [1, { "c": "deep" }] } }, "catalog-info-url": "https://x/tree/main/catalog-info.yaml"
          },
          "steps": {
            "publish": { "output": { "remoteUrl": "https://github.com/acme/svc", "repoContentsUrl": "https://github.com/acme/svc/blob/main" } },
            "publish-pr": { "output": { "remoteUrl": "https://github.com/acme/svc/pull/1" } },
            "register": { "output": { "entityRef": "component:default/svc" } },
            "location": { "output": { "code": 200 } }
          },
          "user": { "entity": { "metadata": { "name": "jdoe", "namespace": "default" } }, "ref": "user:default/jdoe" },
          "each": { "key": "0", "value": { "name": "first" } }
        }
        """)!.AsObject();

    private static readonly BackstageExpressionEvaluator Evaluator = new();

    private static string? Render(string text, BackstageExpressionEvaluator? evaluator = null) =>
        (evaluator ?? Evaluator).Render(JsonValue.Create(text), Context)?.ToJsonString();

    [Theory]
    [InlineData("${{ parameters.name }}", "\"My Service\"")]
    [InlineData("${{parameters.port}}", "8080")]
    [InlineData("${{ parameters.flag }}", "true")]
    [InlineData("${{ parameters.tags }}", "[\"a\",\"b\"]")]
    [InlineData("${{ parameters.nested.a }}", "{\"b\":[1,{\"c\":\"deep\"}]}")]
    [InlineData("${{ parameters.nothing }}", null)]
    [InlineData("${{ parameters.blank }}", "\"\"")]
    [InlineData("${{ 3 if parameters.flag else 1 }}", "3")]
    [InlineData("${{ parameters.port > 8000 }}", "true")]
    public void Exactly_one_expression_keeps_the_json_type(string text, string? expected)
    {
        Assert.Equal(expected, Render(text));
    }

    [Theory]
    [InlineData("url: https://ci.example.com/${{ parameters.name | lower | replace(' ', '-') }}", "url: https://ci.example.com/my-service")]
    [InlineData("github.com?owner=${{ parameters.name }}&repo=${{ parameters.port }}", "github.com?owner=My Service&repo=8080")]
    [InlineData("${{ parameters.tags }}!", "a,b!")]
    [InlineData("${{ parameters.nested }}!", "[object Object]!")]
    [InlineData("[${{ parameters.missing }}][${{ parameters.nothing }}]", "[][]")]
    [InlineData("${{ parameters.flag }} ", "true ")]
    [InlineData("  ${{- parameters.port -}}  x", "8080x")]
    public void Text_around_expressions_gives_a_string(string text, string expected)
    {
        Assert.Equal(JsonValue.Create(expected).ToJsonString(), Render(text));
    }

    [Theory]
    [InlineData("${{ parameters.missing }}")]
    [InlineData("${{ parameters.description if parameters.missing else undefined }}")]
    [InlineData("${{ paramters.instance_type }}")]
    [InlineData("")]
    [InlineData("${{ parameters.missing }}${{ parameters.blank }}")]
    public void Undefined_results_drop_the_key(string text)
    {
        var input = new JsonObject { ["kept"] = "x", ["value"] = text };

        var rendered = Evaluator.Render(input, Context)!.AsObject();

        Assert.False(rendered.ContainsKey("value"));
        Assert.Equal("x", rendered["kept"]!.GetValue<string>());
    }

    [Fact]
    public void Inline_if_without_else_gives_an_empty_string_as_nunjucks_does()
    {
        Assert.Equal("\"\"", Render("${{ parameters.description if parameters.description }}"));
    }

    [Theory]
    [InlineData("${{ steps['publish'].output.remoteUrl }}", "\"https://github.com/acme/svc\"")]
    [InlineData("${{ steps[\"publish-pr\"].output.remoteUrl }}", "\"https://github.com/acme/svc/pull/1\"")]
    [InlineData("${{ steps.publish.output.repoContentsUrl }}", "\"https://github.com/acme/svc/blob/main\"")]
    [InlineData("${{ steps.location.output.code === 200 }}", "true")]
    [InlineData("${{ steps.missing.output.remoteUrl }}", null)]
    [InlineData("${{ parameters[\"catalog-info-url\"] | replace(\"/tree/\", \"/blob/\") }}", "\"https://x/blob/main/catalog-info.yaml\"")]
    [InlineData("${{ user.entity.metadata.name }}:${{ user.ref }}", "\"jdoe:user:default/jdoe\"")]
    [InlineData("${{ each.value.name }}-${{ each.key }}", "\"first-0\"")]
    public void Step_outputs_and_context_roots(string text, string? expected)
    {
        Assert.Equal(expected, Render(text));
    }

    [Theory]
    [InlineData("${{ parameters.repoUrl | parseRepoUrl }}", "{\"host\":\"github.com\",\"owner\":\"acme\",\"repo\":\"svc\"}")]
    [InlineData("${{ (parameters.repoUrl | parseRepoUrl).repo }}", "\"svc\"")]
    [InlineData("${{ (parameters.repoUrl | parseRepoUrl)[\"owner\"] }}", "\"acme\"")]
    [InlineData("${{ parameters.repoUrl | parseRepoUrl | pick('repo') }}", "\"svc\"")]
    [InlineData("${{ 'dev.azure.com?organization=org&project=p&repo=r' | parseRepoUrl }}", "{\"host\":\"dev.azure.com\",\"repo\":\"r\",\"organization\":\"org\",\"project\":\"p\"}")]
    [InlineData("${{ 'github.com?owner=%2Facme%2F&repo=a+b' | parseRepoUrl }}", "{\"host\":\"github.com\",\"owner\":\"acme\",\"repo\":\"a b\"}")]
    [InlineData("${{ parameters.repoUrl | projectSlug }}", "\"acme/svc\"")]
    [InlineData("${{ parameters.owner | parseEntityRef }}", "{\"kind\":\"group\",\"namespace\":\"default\",\"name\":\"team-a\"}")]
    [InlineData("${{ parameters.owner | parseEntityRef | pick('name') }}", "\"team-a\"")]
    [InlineData("${{ 'Team-A' | parseEntityRef({ defaultKind: 'Group', defaultNamespace: 'Ops' }) }}", "{\"kind\":\"Group\",\"namespace\":\"Ops\",\"name\":\"Team-A\"}")]
    [InlineData("${{ 'user:jdoe' | parseEntityRef }}", "{\"kind\":\"user\",\"namespace\":\"default\",\"name\":\"jdoe\"}")]
    [InlineData("${{ parameters.nested | pick('a.b[1].c') }}", "\"deep\"")]
    [InlineData("${{ parameters.nested | pick('a.x', 'fallback') }}", "\"fallback\"")]
    public void Backstage_filters(string text, string expected)
    {
        Assert.Equal(expected, Render(text));
    }

    [Theory]
    [InlineData("${{ parameters.name | lower }}", "\"my service\"")]
    [InlineData("${{ parameters.name | upper }}", "\"MY SERVICE\"")]
    [InlineData("${{ parameters.name | replace (' ', '_') | lower }}", "\"my_service\"")]
    [InlineData("${{ '  padded  ' | trim }}", "\"padded\"")]
    [InlineData("${{ parameters.missing | default('n/a') }}", "\"n/a\"")]
    [InlineData("${{ parameters.blank | default('n/a') }}", "\"\"")]
    [InlineData("${{ parameters.blank | default('n/a', true) }}", "\"n/a\"")]
    [InlineData("${{ parameters.tags | join(', ') }}", "\"a, b\"")]
    [InlineData("${{ parameters.name | dump }}", "\"\\u0022My Service\\u0022\"")]
    [InlineData("${{ parameters.tags | length > 1 }}", "true")]
    [InlineData("${{ 'hello world' | capitalize }}", "\"Hello world\"")]
    [InlineData("${{ parameters.port | string }}", "\"8080\"")]
    [InlineData("${{ parameters.tags | first }}-${{ parameters.tags | last }}", "\"a-b\"")]
    public void Standard_nunjucks_filters(string text, string expected)
    {
        Assert.Equal(expected, Render(text));
    }

    [Theory]
    [InlineData("${{ parameters.flag and not parameters.dryRun }}", "true")]
    [InlineData("${{ parameters.missing or 'argocd-server' }}", "\"argocd-server\"")]
    [InlineData("${{ parameters.dryRun !== true }}", "true")]
    [InlineData("${{ parameters.port == '8080' }}", "true")]
    [InlineData("${{ parameters.port === '8080' }}", "false")]
    [InlineData("${{ parameters.nothing != null }}", "false")]
    [InlineData("${{ parameters.missing == null }}", "true")]
    [InlineData("${{ 'a' in parameters.tags }}", "true")]
    [InlineData("${{ 'z' not in parameters.tags }}", "true")]
    [InlineData("${{ not ('name' in parameters) or parameters.flag }}", "true")]
    [InlineData("${{ parameters.name is string }}", "true")]
    [InlineData("${{ parameters.port is not string }}", "true")]
    [InlineData("${{ parameters.missing is defined }}", "false")]
    [InlineData("${{ 'x' if parameters.flag and parameters.port != 443 else 'y' }}", "\"x\"")]
    [InlineData("${{ parameters.tags.length }}", "2")]
    [InlineData("${{ parameters.name.split(' ')[1] }}", "\"Service\"")]
    [InlineData("${{ parameters.name and parameters.name.trim().length > 0 }}", "true")]
    [InlineData("${{ undefined + '/' + undefined }}", "\"undefined/undefined\"")]
    [InlineData("${{ 'v' + parameters.port + 1 }}", "\"v80801\"")]
    [InlineData("${{ parameters.port + 1 }}", "8081")]
    [InlineData("${{ 7 // 2 }}|${{ 7 % 4 }}|${{ 2 ** 3 }}|${{ 1 / 4 }}|${{ 0.1 + 0.2 }}", "\"3|3|8|0.25|0.30000000000000004\"")]
    [InlineData("${{ {a: parameters.port, 'b': [1, none]} }}", "{\"a\":8080,\"b\":[1,null]}")]
    [InlineData("${{ parameters.name ~ '-' ~ parameters.port }}", "\"My Service-8080\"")]
    [InlineData("${{ '${{ secrets.DOCKERHUB_USERNAME }}' }}", "\"${{ secrets.DOCKERHUB_USERNAME }}\"")]
    [InlineData("${{ \"user:\" + user.entity.metadata.namespace + \"/\" + user.entity.metadata.name if user.entity.metadata.namespace else \"default/guest\" }}", "\"user:default/jdoe\"")]
    public void Operators_follow_javascript(string text, string expected)
    {
        Assert.Equal(expected, Render(text));
    }

    [Fact]
    public void A_multi_line_expression_renders_as_text_then_reads_back_json()
    {
        Assert.Equal("true", Render("${{ not (\n  parameters.dryRun\n) }}"));
        Assert.Equal("\"My Service\"", Render("${{\n parameters.name }}"));
    }

    [Fact]
    public void Objects_and_arrays_render_recursively_without_touching_the_input()
    {
        var input = JsonNode.Parse("""
            { "repoUrl": "${{ parameters.repoUrl }}", "port": "${{ parameters.port }}", "literal": 5, "flag": false,
              "list": ["${{ parameters.name }}", "${{ parameters.missing }}", "x"], "drop": "${{ parameters.missing }}",
              "nested": { "owner": "${{ parameters.owner | parseEntityRef | pick('name') }}" } }
            """)!;
        var original = input.ToJsonString();

        var rendered = Evaluator.Render(input, Context)!;

        Assert.Equal(
            """{"repoUrl":"github.com?owner=acme\u0026repo=svc","port":8080,"literal":5,"flag":false,"list":["My Service",null,"x"],"nested":{"owner":"team-a"}}""",
            rendered.ToJsonString());
        Assert.Equal(original, input.ToJsonString());
    }

    [Theory]
    [InlineData("${{ parameters.missing.split('/')[1] }}")]
    [InlineData("${{ 'example.com?owner=o&repo=r' | parseRepoUrl }}")]
    [InlineData("${{ 'github.com?owner=o' | parseRepoUrl }}")]
    [InlineData("${{ 'team-a' | parseEntityRef }}")]
    [InlineData("${{ parameters.name | nosuchfilter }}")]
    [InlineData("${{ parameters.name is nosuchtest }}")]
    [InlineData("${{ parameters.name ")]
    [InlineData("${{ parameters.name | }}")]
    [InlineData("${{ 5 in 7 }}")]
    public void A_failing_string_is_kept_unchanged_and_reported(string text)
    {
        var errors = new List<TemplateRuntimeException>();
        var evaluator = new BackstageExpressionEvaluator(new BackstageEvaluatorOptions { OnError = (_, error) => errors.Add(error) });

        Assert.Equal(JsonValue.Create(text).ToJsonString(), Render(text, evaluator));
        var error = Assert.Single(errors);
        Assert.Equal("input", error.TemplateName);
        Assert.True(error.Line >= 1 && error.Column >= 1);
    }

    [Theory]
    [InlineData("${{ 'example.com?owner=o&repo=r' | parseRepoUrl }}", 36, "No matching integration configuration for host example.com, please check your integrations config")]
    [InlineData("${{ 'github.com?owner=o' | parseRepoUrl }}", 28, "Invalid repo URL passed to publisher: https://github.com/?owner=o, missing repo")]
    [InlineData("${{ 'team-a' | parseEntityRef }}", 16, "Entity reference \"team-a\" had missing or empty kind (e.g. did not start with \"component:\" or similar)")]
    [InlineData("${{ ':x' | parseEntityRef }}", 12, "Entity reference \":x\" was not on the form [<kind>:][<namespace>/]<name>")]
    [InlineData("${{ parameters.name | nosuchfilter }}", 23, "filter not found: nosuchfilter")]
    [InlineData("${{ parameters.name ", 21, "expected variable end")]
    [InlineData("${{ 5 in 7 }}", 7, "Cannot use \"in\" operator to search for \"5\" in unexpected types.")]
    public void Errors_carry_location_and_backstage_wording(string text, int column, string reason)
    {
        var evaluator = new BackstageExpressionEvaluator(new BackstageEvaluatorOptions { ThrowOnError = true });

        var error = Assert.ThrowsAny<TemplateRuntimeException>(() => evaluator.Render(new JsonObject { ["repoUrl"] = text }, Context, "steps[0].input"));

        Assert.Equal("steps[0].input.repoUrl", error.TemplateName);
        Assert.Equal((1, column, reason), (error.Line, error.Column, error.Reason));
    }

    [Fact]
    public void Host_integrations_filters_and_globals_plug_in()
    {
        var evaluator = new BackstageExpressionEvaluator(new BackstageEvaluatorOptions
        {
            IntegrationType = host => host == "git.internal" ? "gitlab" : null,
            Filters = new Dictionary<string, TemplateFunction>
            {
                ["githubRepoUrl"] = TemplateFunction.Create(name => $"github.com?owner=acme&repo={name}"),
                ["csharp"] = TemplateFunction.Create((value, kind) => $"{kind}:{value}"),
            },
            Globals = new Dictionary<string, object?>
            {
                ["always"] = new TemplateFunction([], _ => true),
                ["region"] = "eu-west-1",
            },
        });

        Assert.Equal("{\"host\":\"git.internal\",\"project\":\"42\"}", Render("${{ 'git.internal?project=42' | parseRepoUrl }}", evaluator));
        Assert.Equal("\"github.com?owner=acme&repo=My Service\"", Render("${{ parameters.name | githubRepoUrl }}", evaluator)!.Replace("\\u0026", "&", StringComparison.Ordinal));
        Assert.Equal("\"namespace:My Service\"", Render("${{ parameters.name | csharp(\"namespace\") }}", evaluator));
        Assert.Equal("true", Render("${{ always() }}", evaluator));
        Assert.Equal("\"eu-west-1\"", Render("${{ region }}", evaluator));
    }

    [Fact]
    public void Evaluate_expression_returns_the_json_value_or_throws_with_location()
    {
        Assert.Equal("\"svc\"", Evaluator.EvaluateExpression("(parameters.repoUrl | parseRepoUrl).repo", Context)!.ToJsonString());
        Assert.Null(Evaluator.EvaluateExpression("parameters.missing", Context));

        var error = Assert.ThrowsAny<TemplateRuntimeException>(() => Evaluator.EvaluateExpression("parameters.name +", Context));
        Assert.Equal("expression(1,18) : error : expected expression, got end of file", error.Message);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("\"\"", false)]
    [InlineData("null", false)]
    [InlineData("[]", false)]
    [InlineData("\"false\"", true)]
    [InlineData("{}", true)]
    [InlineData("[0]", true)]
    [InlineData("1", true)]
    public void Truthiness_of_a_rendered_if(string json, bool expected)
    {
        Assert.Equal(expected, BackstageExpressionEvaluator.IsTruthy(JsonNode.Parse(json)));
    }

    [Fact]
    public void Deeply_nested_expressions_are_refused_without_crashing()
    {
        var errors = new List<TemplateRuntimeException>();
        var evaluator = new BackstageExpressionEvaluator(new BackstageEvaluatorOptions { OnError = (_, e) => errors.Add(e) });
        var nested = "${{ " + new string('(', 50_000) + "1" + new string(')', 50_000) + " }}";
        var chain = "${{ 1" + string.Concat(Enumerable.Repeat(" + 1", 50_000)) + " }}";
        var filters = "${{ 'a'" + string.Concat(Enumerable.Repeat(" | lower", 50_000)) + " }}";

        foreach (var text in new[] { nested, chain, filters })
        {
            Assert.Equal(text, Evaluator.Render(JsonValue.Create(text), Context)!.GetValue<string>());
            Assert.Equal(text, evaluator.Render(JsonValue.Create(text), Context)!.GetValue<string>());
        }

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Contains("nested too deeply", e.Reason));
    }

    [Fact]
    public void Output_growth_is_capped_by_the_size_limit()
    {
        var evaluator = new BackstageExpressionEvaluator(new BackstageEvaluatorOptions { RenderOptions = new TemplateRenderOptions { OutputLimit = 1000 } });
        var text = "${{ 'x'" + string.Concat(Enumerable.Repeat(" | replace('x', 'xxxxxxxxxx')", 5)) + " }}";

        var error = Assert.Throws<TemplateLimitExceededException>(() => evaluator.Render(JsonValue.Create(text), Context));

        Assert.Contains("output size limit `1000`", error.Reason);
    }

    [Fact]
    public void Concurrent_renders_share_one_evaluator()
    {
        var failures = 0;
        Parallel.For(0, 500, i =>
        {
            var context = new JsonObject { ["parameters"] = new JsonObject { ["n"] = i, ["name"] = $"svc-{i}" } };
            var rendered = Evaluator.Render(new JsonObject { ["a"] = "${{ parameters.n * 2 }}", ["b"] = "x-${{ parameters.name | upper }}" }, context);
            if (rendered!["a"]!.GetValue<double>() != i * 2 || rendered["b"]!.GetValue<string>() != $"x-SVC-{i}")
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }
}
