using Xunit;

namespace Scaffolder.Templating.Tests.Engine;

/// <summary>Safety limits for untrusted templates: each ends the render with a located <see cref="TemplateLimitExceededException"/>.</summary>
public sealed class LimitTests
{
    private static TemplateLimitExceededException Exceeds(string text, TemplateRenderOptions? options = null, object? model = null)
    {
        var template = Template.Parse(text, "limits.sbn");
        Assert.False(template.HasErrors, string.Join("\n", template.Messages));
        return Assert.Throws<TemplateLimitExceededException>(() => template.Render(model, options));
    }

    [Fact]
    public void A_runaway_loop_stops_at_the_loop_limit()
    {
        var error = Exceeds("start\n{{ while true }}x{{ end }}", new TemplateRenderOptions { LoopLimit = 50 });

        Assert.Equal("Exceeding number of iteration limit `50` for loop statement.", error.Reason);
        Assert.Equal((2, 4), (error.Line, error.Column));
    }

    [Fact]
    public void The_loop_limit_also_bounds_work_inside_builtins()
    {
        var error = Exceeds("{{ 1..5000 | array.join ',' }}", new TemplateRenderOptions { LoopLimit = 100 });

        Assert.Contains("LoopLimit `100`", error.Reason);
    }

    [Fact]
    public void Unbounded_recursion_stops_at_the_recursion_limit()
    {
        var error = Exceeds("{{ func down(n); ret down(n + 1); end }}\n{{ down 0 }}", new TemplateRenderOptions { RecursionLimit = 20 });

        Assert.StartsWith("Exceeding number of recursive depth limit `20`", error.Reason);
    }

    [Fact]
    public void Without_a_recursion_limit_the_stack_is_still_protected()
    {
        var options = new TemplateRenderOptions { RecursionLimit = 0, Timeout = TimeSpan.FromSeconds(60) };

        var error = Exceeds("{{ func down; down; end; down }}", options);

        Assert.Contains("recursive depth limit", error.Reason);
    }

    [Fact]
    public void Output_past_the_size_limit_is_refused()
    {
        var error = Exceeds("{{ for i in 1..500 }}0123456789{{ end }}", new TemplateRenderOptions { OutputLimit = 1000 });

        Assert.Equal("Exceeding the output size limit `1000`.", error.Reason);
        Assert.Equal("limits.sbn", error.TemplateName);
        Assert.True(error.Line >= 1 && error.Column >= 1);
    }

    [Fact]
    public void Strings_built_inside_an_expression_count_against_the_size_limit()
    {
        var error = Exceeds("{{ 'abc' * 100000 }}", new TemplateRenderOptions { OutputLimit = 10_000 });

        Assert.Contains("10000", error.Reason);
    }

    [Fact]
    public void A_render_past_its_time_limit_is_stopped()
    {
        var options = new TemplateRenderOptions { LoopLimit = 0, Timeout = TimeSpan.FromMilliseconds(100), OutputLimit = 0 };

        var error = Exceeds("{{ while true; x = 1; end }}", options);

        Assert.Equal("Exceeding the render time limit of 100 ms.", error.Reason);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Cancellation_stops_a_render()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var template = Template.Parse("{{ while true; x = 1; end }}");

        Assert.ThrowsAny<OperationCanceledException>(() =>
            template.Render(null, new TemplateRenderOptions { LoopLimit = 0, Timeout = null }, cancellation.Token));
    }

    [Fact]
    public void Catastrophic_regular_expressions_time_out()
    {
        var options = new TemplateRenderOptions { RegexTimeout = TimeSpan.FromMilliseconds(50) };

        var error = Exceeds("{{ regex.match ('a' * 40 + '!') '^(a+)+$' }}", options);

        Assert.StartsWith("The regular expression timed out", error.Reason);
    }

    [Fact]
    public void A_template_including_itself_stops_at_the_recursion_limit()
    {
        var loader = new DictionaryLoader(new Dictionary<string, string> { ["self"] = "x{{ include 'self' }}" });

        var error = Exceeds("{{ include 'self' }}", new TemplateRenderOptions { Loader = loader, RecursionLimit = 10 });

        Assert.Contains("recursive depth limit `10`", error.Reason);
    }
}
