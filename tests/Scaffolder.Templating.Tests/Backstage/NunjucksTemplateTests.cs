using System.Text.Json.Nodes;
using Scaffolder.Templating.Backstage;
using Xunit;

namespace Scaffolder.Templating.Tests.Backstage;

/// <summary>The public contract of <see cref="NunjucksTemplate"/>: messages, runtime errors, limits, options, threads.</summary>
public sealed class NunjucksTemplateTests
{
    private static readonly JsonObject Context = new()
    {
        ["values"] = new JsonObject
        {
            ["name"] = "svc",
            ["items"] = new JsonArray("a", "b", "c"),
        },
    };

    private static string Render(string text, JsonObject? context = null, BackstageEvaluatorOptions? options = null)
    {
        var template = NunjucksTemplate.Parse(text, "t.njk", options);
        Assert.False(template.HasErrors, string.Join("\n", template.Messages));
        return template.Render(context ?? Context);
    }

    [Theory]
    [InlineData("a\nname: ${{ values.name\n", 2, 7, "expected variable end: this `${{` is not closed by `}}`")]
    [InlineData("a\nname: ${{ values.name\nb", 3, 1, "expected variable end, got b")]
    [InlineData("${{ values.name | nosuchfilter }}", 1, 19, "filter not found: nosuchfilter")]
    [InlineData("{% if values.name is nosuchtest %}{% endif %}", 1, 22, "test not found: nosuchtest")]
    [InlineData("x\n  {% frobnicate %}", 2, 6, "unknown block tag: frobnicate")]
    [InlineData("{% endif %}", 1, 4, "unknown block tag: endif")]
    [InlineData("one\n{% if values.name %}\ntwo", 2, 1, "unexpected end of file: this `if` tag is not closed by {% endif %}")]
    [InlineData("{% for x in values.items %}", 1, 1, "unexpected end of file: this `for` tag is not closed by {% endfor %}")]
    [InlineData("{% set x %}never ended", 1, 1, "unexpected end of file: this `set` tag is not closed by {% endset %}")]
    [InlineData("{% %}", 1, 4, "tag name expected, got %}")]
    [InlineData("{% if values.name }}", 1, 19, "expected block end in if statement")]
    [InlineData("{% for x values.items %}{% endfor %}", 1, 4, "parseFor: expected \"in\" keyword for loop")]
    [InlineData("text #} more", 1, 6, "unexpected end of comment")]
    [InlineData("a {# open", 1, 3, "expected end of comment, got end of file")]
    [InlineData("{% extends 'base.njk' %}", 1, 4, "the `extends` tag cannot load other templates: skeleton files are rendered without a template loader")]
    [InlineData("{% include 'x.njk' %}", 1, 4, "the `include` tag cannot load other templates: skeleton files are rendered without a template loader")]
    [InlineData("{% macro m() %}{% endmacro %}", 1, 4, "the `macro` tag is not supported")]
    public void Syntax_errors_are_messages_with_template_name_line_and_column(string text, int line, int column, string message)
    {
        var template = NunjucksTemplate.Parse(text, "skeleton/catalog-info.yaml");

        Assert.True(template.HasErrors);
        var error = Assert.Single(template.Messages);
        Assert.Equal(("skeleton/catalog-info.yaml", line, column, message), (error.TemplateName, error.Line, error.Column, error.Message));
        Assert.Equal("skeleton/catalog-info.yaml", template.Name);
    }

    [Fact]
    public void Rendering_a_template_with_errors_throws_its_first_message()
    {
        var template = NunjucksTemplate.Parse("ok\n${{ values.name | nosuchfilter }}", "bad.njk");

        var error = Assert.Throws<TemplateRuntimeException>(() => template.Render(Context));

        Assert.Equal("bad.njk(2,19) : error : filter not found: nosuchfilter", error.Message);
    }

    [Theory]
    [InlineData("a: ${{ values.name }}\nb: ${{ values.targetCluster.split('/')[1] }}", 2, 8, "Unable to call `values[\"targetCluster\"][\"split\"]`, which is undefined or falsey")]
    [InlineData("${{ values.name() }}", 1, 5, "Unable to call `values[\"name\"]`, which is not a function")]
    [InlineData("${{ values.items[0].nope.trim() }}", 1, 5, "Unable to call `values[\"items\"][\"0\"][\"nope\"][\"trim\"]`, which is undefined or falsey")]
    [InlineData("{% for x in values.items %}\n  ${{ x.missing() }}{% endfor %}", 2, 7, "Unable to call `x[\"missing\"]`, which is undefined or falsey")]
    [InlineData("${{ values.name | trim | parseRepoUrl }}", 1, 26, "No matching integration configuration for host svc, please check your integrations config")]
    public void Runtime_errors_name_the_expression_with_its_location(string text, int line, int column, string reason)
    {
        var template = NunjucksTemplate.Parse(text, "skeleton/deploy.yaml");
        Assert.False(template.HasErrors);

        var error = Assert.ThrowsAny<TemplateRuntimeException>(() => template.Render(Context));

        Assert.Equal(("skeleton/deploy.yaml", line, column, reason), (error.TemplateName, error.Line, error.Column, error.Reason));
    }

    [Theory]
    [InlineData("")]
    [InlineData("${{")]
    [InlineData("${{ }}")]
    [InlineData("{%")]
    [InlineData("{% %}")]
    [InlineData("{#")]
    [InlineData("#}")]
    [InlineData("{% if %}{% endif %}")]
    [InlineData("{% for %}")]
    [InlineData("{% set %}")]
    [InlineData("{% set = 1 %}")]
    [InlineData("{% filter %}x{% endfilter %}")]
    [InlineData("{% block %}{% endblock %}")]
    [InlineData("${{ ((((( }}")]
    [InlineData("${{ 'unterminated }}")]
    [InlineData("{% raw %}{% endraw -%}")]
    [InlineData("{% raw %}")]
    [InlineData("${{ x | }}")]
    [InlineData("${{ [1, 2 }}")]
    [InlineData("${{ {a: } }}")]
    [InlineData("{% if a %}{% else %}{% else %}{% endif %}")]
    [InlineData("{% for a, in b %}{% endfor %}")]
    [InlineData("\0\uFFFF${{ \u2028 }}")]
    public void Parse_never_throws_on_bad_syntax(string text)
    {
        var template = NunjucksTemplate.Parse(text);

        if (template.HasErrors)
        {
            Assert.All(template.Messages, message => Assert.True(message.Line >= 1 && message.Column >= 1));
        }
        else
        {
            _ = template.Render(Context);
        }
    }

    [Fact]
    public void Deeply_nested_tags_are_a_message_not_a_stack_overflow()
    {
        var text = string.Concat(Enumerable.Repeat("{% if true %}", 5000)) + string.Concat(Enumerable.Repeat("{% endif %}", 5000));

        var template = NunjucksTemplate.Parse(text);

        Assert.Contains("nested too deeply", Assert.Single(template.Messages).Message);
    }

    [Fact]
    public void Nesting_within_the_limit_renders()
    {
        var text = string.Concat(Enumerable.Repeat("{% if true %}<", 90)) + string.Concat(Enumerable.Repeat(">{% endif %}", 90));

        Assert.Equal(new string('<', 90) + new string('>', 90), Render(text));
    }

    [Fact]
    public void Loop_limit_stops_nested_loops_with_the_loop_location()
    {
        var options = new BackstageEvaluatorOptions { RenderOptions = new TemplateRenderOptions { LoopLimit = 50 } };
        var template = NunjucksTemplate.Parse("x\n{% for a in values.items %}{% for b in values.items %}{% for c in values.items %}{% for d in values.items %}.{% endfor %}{% endfor %}{% endfor %}{% endfor %}", "loops.njk", options);

        var error = Assert.Throws<TemplateLimitExceededException>(() => template.Render(Context));

        Assert.Equal("loops.njk", error.TemplateName);
        Assert.Equal(2, error.Line);
        Assert.Contains("iteration limit `50`", error.Reason);
    }

    [Fact]
    public void Output_limit_stops_a_render_that_grows_too_large()
    {
        var options = new BackstageEvaluatorOptions { RenderOptions = new TemplateRenderOptions { OutputLimit = 1000, LoopLimit = 0 } };
        var items = new JsonArray(Enumerable.Range(0, 500).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
        var template = NunjucksTemplate.Parse("{% for i in values.items %}0123456789{% endfor %}", "big.njk", options);

        var error = Assert.Throws<TemplateLimitExceededException>(() => template.Render(new JsonObject { ["values"] = new JsonObject { ["items"] = items } }));

        Assert.Contains("output size limit `1000`", error.Reason);
        Assert.Equal("big.njk", error.TemplateName);
    }

    [Fact]
    public void Output_limit_applies_inside_set_blocks_too()
    {
        var options = new BackstageEvaluatorOptions { RenderOptions = new TemplateRenderOptions { OutputLimit = 100, LoopLimit = 0 } };
        var items = new JsonArray(Enumerable.Range(0, 100).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
        var template = NunjucksTemplate.Parse("{% set big %}{% for i in values.items %}0123456789{% endfor %}{% endset %}", "set.njk", options);

        Assert.Throws<TemplateLimitExceededException>(() => template.Render(new JsonObject { ["values"] = new JsonObject { ["items"] = items } }));
    }

    [Fact]
    public void Wall_clock_limit_stops_a_long_render()
    {
        var options = new BackstageEvaluatorOptions
        {
            RenderOptions = new TemplateRenderOptions { LoopLimit = 0, OutputLimit = 0, Timeout = TimeSpan.FromMilliseconds(50) },
        };
        var items = new JsonArray(Enumerable.Range(0, 300).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
        var template = NunjucksTemplate.Parse(
            "{% for a in values.items %}{% for b in values.items %}{% for c in values.items %}${{ a + b + c }}{% endfor %}{% endfor %}{% endfor %}",
            "slow.njk",
            options);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<TemplateLimitExceededException>(() => template.Render(new JsonObject { ["values"] = new JsonObject { ["items"] = items } }));

        Assert.Contains("time limit", error.Reason);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public void Cancellation_stops_a_render()
    {
        var options = new BackstageEvaluatorOptions { RenderOptions = new TemplateRenderOptions { LoopLimit = 0, OutputLimit = 0, Timeout = null } };
        var items = new JsonArray(Enumerable.Range(0, 1000).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
        var template = NunjucksTemplate.Parse("{% for a in values.items %}{% for b in values.items %}{% for c in values.items %}.{% endfor %}{% endfor %}{% endfor %}", "t", options);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.ThrowsAny<OperationCanceledException>(() => template.Render(new JsonObject { ["values"] = new JsonObject { ["items"] = items } }, cancellation.Token));
    }

    [Fact]
    public void One_template_renders_concurrently_with_different_contexts()
    {
        var template = NunjucksTemplate.Parse("{% set total = 0 %}{% for x in values.items %}{% set total = total + x %}${{ loop.index }}:${{ x }} {% endfor %}= ${{ total }} ${{ values.name | upper }}");

        var results = Enumerable.Range(0, 64).AsParallel().WithDegreeOfParallelism(8).Select(i =>
        {
            var context = new JsonObject
            {
                ["values"] = new JsonObject { ["name"] = $"n{i}", ["items"] = new JsonArray(i, i + 1) },
            };
            return (i, Output: template.Render(context));
        }).ToList();

        Assert.All(results, result => Assert.Equal($"1:{result.i} 2:{result.i + 1} = {(2 * result.i) + 1} N{result.i}", result.Output));
    }

    [Fact]
    public void Host_filters_globals_and_integrations_come_from_the_options()
    {
        var options = new BackstageEvaluatorOptions
        {
            IntegrationType = host => host == "git.internal" ? "gitlab" : null,
            Filters = new Dictionary<string, TemplateFunction> { ["shout"] = TemplateFunction.Create(text => $"{text}!") },
            Globals = new Dictionary<string, object?> { ["region"] = "eu-west-1" },
        };

        var output = Render("${{ values.name | shout }} ${{ region }} ${{ 'git.internal?owner=o&repo=r' | projectSlug }}", options: options);

        Assert.Equal("svc! eu-west-1 o/r", output);
        Assert.True(NunjucksTemplate.Parse("${{ values.name | shout }}").HasErrors, "a host filter must not leak into templates parsed without it");
    }

    [Fact]
    public void Context_values_shadow_globals_and_set_shadows_context()
    {
        var options = new BackstageEvaluatorOptions { Globals = new Dictionary<string, object?> { ["region"] = "global" } };

        Assert.Equal("global", Render("${{ region }}", options: options));
        Assert.Equal("context", Render("${{ region }}", new JsonObject { ["region"] = "context" }, options));
        Assert.Equal("set", Render("{% set region = 'set' %}${{ region }}", new JsonObject { ["region"] = "context" }, options));
    }

    [Fact]
    public void Bare_double_braces_and_github_expressions_in_strings_pass_through()
    {
        Assert.Equal(
            "{{ .Values.name }} ${{ secrets.TOKEN }} svc",
            Render("{{ .Values.name }} ${{ '${{ secrets.TOKEN }}' }} ${{ values.name }}"));
    }

    [Fact]
    public void The_context_is_not_modified_by_a_render()
    {
        var context = (JsonObject)Context.DeepClone();

        Render("{% set values = 'replaced' %}${{ values }}", context);

        Assert.True(JsonNode.DeepEquals(Context, context));
    }

    [Fact]
    public void A_converted_context_renders_like_the_json_and_is_a_snapshot()
    {
        var json = (JsonObject)Context.DeepClone();
        var context = NunjucksContext.From(json);
        var template = NunjucksTemplate.Parse("${{ values.name }}:${{ values.items | join }}");

        json["values"]!["name"] = "changed";

        Assert.Equal("svc:abc", template.Render(context));
        Assert.Equal("changed:abc", template.Render(json));
    }

    [Fact]
    public void One_converted_context_serves_concurrent_renders_of_many_templates()
    {
        var context = NunjucksContext.From(Context);
        var templates = Enumerable.Range(0, 32)
            .Select(i => NunjucksTemplate.Parse($"{i}{{% for x in values.items | sort(true) %}}${{{{ x }}}}{{% endfor %}}${{{{ values.name | upper }}}}"))
            .ToList();

        var outputs = templates.AsParallel().WithDegreeOfParallelism(8).Select(template => template.Render(context)).ToList();

        Assert.Equal(Enumerable.Range(0, 32).Select(i => $"{i}cbaSVC"), outputs);
    }
}
