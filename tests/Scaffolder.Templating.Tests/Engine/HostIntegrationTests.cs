using System.Globalization;
using Xunit;

namespace Scaffolder.Templating.Tests.Engine;

/// <summary>What the host plugs in: global functions and values, the include loader, culture, time zone and clock.</summary>
public sealed class HostIntegrationTests
{
    [Fact]
    public void Host_functions_receive_evaluated_arguments_and_work_in_pipes()
    {
        var options = new TemplateRenderOptions
        {
            Globals = new Dictionary<string, object?>
            {
                ["slug"] = TemplateFunction.Create(value => value?.ToString()?.ToLowerInvariant().Replace(' ', '-')),
                ["join_with"] = TemplateFunction.Create((a, b) => $"{a}{b}{a}"),
                ["sum"] = new TemplateFunction(
                    [new TemplateParameter("numbers") { IsVariadic = true }],
                    arguments => ((IEnumerable<object?>)arguments[0]!).Sum(n => Convert.ToInt32(n, CultureInfo.InvariantCulture))),
                ["greet"] = new TemplateFunction(
                    [new TemplateParameter("name"), new TemplateParameter("greeting") { IsOptional = true, DefaultValue = "Hello" }],
                    arguments => $"{arguments.GetString(1)}, {arguments.GetString(0)} ({arguments.TemplateName}:{arguments.Line})"),
                ["company"] = "Acme Corp",
            },
        };

        var output = Template.Parse("{{ company | slug }}/{{ join_with 'x' '-' }}/{{ sum 1 2 3 }}/{{ greet 'Ada' }}/{{ greet 'Bo' greeting: 'Hi' }}", "host.sbn")
            .Render(null, options);

        Assert.Equal("acme-corp/x-x/6/Hello, Ada (host.sbn:1)/Hi, Bo (host.sbn:1)", output);
    }

    [Fact]
    public void Host_globals_are_read_only_but_can_be_shadowed_by_the_model()
    {
        var options = new TemplateRenderOptions { Globals = new Dictionary<string, object?> { ["region"] = "eu", ["env"] = "prod" } };
        var model = new Dictionary<string, object?> { ["env"] = "dev" };

        Assert.Equal("eu-dev", Template.Parse("{{ region }}-{{ env }}").Render(model, options));
    }

    [Fact]
    public void Includes_come_only_from_the_loader_and_see_the_caller_variables()
    {
        var loader = new DictionaryLoader(new Dictionary<string, string>
        {
            ["header"] = "# {{ title }}\n",
            ["item"] = "- {{ $1 }}:{{ $2 }}\n",
        });
        var options = new TemplateRenderOptions { Loader = loader };

        var output = Template.Parse("{{ title = 'Services' }}{{ include 'header' }}{{ for s in ['a', 'b'] }}{{ include 'item' s for.index }}{{ end }}")
            .Render(null, options);

        Assert.Equal("# Services\n- a:0\n- b:1\n", output);
    }

    [Fact]
    public void An_included_template_with_errors_reports_them()
    {
        var loader = new DictionaryLoader(new Dictionary<string, string> { ["broken"] = "{{ if }}" });

        var error = Assert.ThrowsAny<TemplateRuntimeException>(() =>
            Template.Parse("{{ include 'broken' }}").Render(null, new TemplateRenderOptions { Loader = loader }));

        Assert.Contains("broken(1,7) : error : Error while parsing if statement", error.Message);
    }

    [Fact]
    public void Dates_use_the_configured_clock_zone_and_culture()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 3, 9, 23, 30, 0, TimeSpan.Zero));
        var tokyo = TimeZoneInfo.CreateCustomTimeZone("Test+9", TimeSpan.FromHours(9), "Test+9", "Test+9");
        var template = Template.Parse("{{ date.now | date.to_string '%Y-%m-%d %H:%M' }}|{{ 1234.5 }}");

        Assert.Equal("2024-03-09 23:30|1234.5", template.Render(null, new TemplateRenderOptions { TimeProvider = clock }));
        Assert.Equal("2024-03-10 08:30|1234.5", template.Render(null, new TemplateRenderOptions { TimeProvider = clock, TimeZone = tokyo }));
        Assert.Equal("2024-03-09 23:30|1234,5", template.Render(null, new TemplateRenderOptions { TimeProvider = clock, Culture = CultureInfo.GetCultureInfo("fr-FR") }));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
