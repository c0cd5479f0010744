using Xunit;

namespace Scaffolder.Templating.Tests.Engine;

/// <summary>A compiled template is shared: concurrent renders with different models must not interfere.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Parallel_renders_of_one_template_each_see_their_own_model()
    {
        var template = Template.Parse(
            "{{ func twice(x); ret x * 2; end }}{{ total = 0 }}{{ for i in items }}{{ total = total + (twice i) }}{{ end }}" +
            "{{ name | string.upcase }}:{{ total }}:{{ items | array.join '-' }}");

        var failures = 0;
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var items = Enumerable.Range(0, i % 7).Cast<object?>().ToList();
            var model = new Dictionary<string, object?> { ["name"] = $"n{i}", ["items"] = items };
            var expected = $"N{i}:{items.Sum(x => (int)x! * 2)}:{string.Join('-', items)}";
            if (template.Render(model) != expected)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }

    [Fact]
    public void A_failing_render_does_not_disturb_the_next_render_on_the_same_thread()
    {
        var failing = Template.Parse("{{ for i in 1..3 }}{{ capture c }}{{ i }}{{ nothing(1) }}{{ end }}{{ end }}");
        var working = Template.Parse("{{ for i in 1..3 }}{{ i }}{{ end }}");

        Assert.ThrowsAny<TemplateRuntimeException>(() => failing.Render());

        Assert.Equal("123", working.Render());
    }
}
