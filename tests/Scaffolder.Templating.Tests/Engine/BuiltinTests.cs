using Xunit;

namespace Scaffolder.Templating.Tests.Engine;

/// <summary>A spot check of each builtin object and global (the conformance suite covers them in depth).</summary>
public sealed class BuiltinTests
{
    [Theory]
    [InlineData("{{ 'hello world' | string.capitalizewords }}", "Hello World")]
    [InlineData("{{ 'a,b,,c' | string.split ',' | array.size }}", "3")]
    [InlineData("{{ 'My Service' | string.handleize }}", "my-service")]
    [InlineData("{{ [3, 1, 2] | array.sort | array.join '' }}", "123")]
    [InlineData("{{ [{n: 'b'}, {n: 'a'}] | array.sort 'n' | array.map 'n' | array.join '' }}", "ab")]
    [InlineData("{{ 7.456 | math.round 1 }}|{{ 7 | math.modulo 3 }}|{{ -2 | math.abs }}", "7.5|1|2")]
    [InlineData("{{ {a: 1, b: 2} | object.keys | array.join ',' }}", "a,b")]
    [InlineData("{{ x = {a: {b: 5}}; x | object.has_key 'a' }}", "true")]
    [InlineData("{{ date.parse '2024-02-29' | date.add_days 1 | date.to_string '%F' }}", "2024-03-01")]
    [InlineData("{{ (timespan.from_hours 1.5).total_minutes }}", "90")]
    [InlineData("{{ '<b>x</b> & y' | html.escape }}", "&lt;b&gt;x&lt;/b&gt; &amp; y")]
    [InlineData("{{ '<p>text</p>' | html.strip }}", "text")]
    [InlineData("{{ 'v1.2.3' | regex.replace '[^0-9]' '' }}", "123")]
    [InlineData("{{ ('a1b22' | regex.matches `\\d+`) | array.size }}", "2")]
    [InlineData("{{ empty == null }}|{{ '' == empty }}|{{ [] == empty }}|{{ blank == empty }}", "false|false|true|true")]
    [InlineData("{{ x = 'abc'; x.empty? }}|{{ ''.empty? }}", "false|true")]
    public void Builtins_behave_like_scribans(string text, string expected)
    {
        var template = Template.Parse(text);
        Assert.False(template.HasErrors, string.Join("\n", template.Messages));

        Assert.Equal(expected, template.Render());
    }

    [Fact]
    public void Builtin_objects_are_enumerable_as_key_value_entries()
    {
        var output = Template.Parse("{{ for entry in math }}{{ if entry.key == 'abs' }}{{ entry.key }}{{ end }}{{ end }}|{{ math | object.size > 5 }}").Render();

        Assert.Equal("abs|true", output);
    }

    [Fact]
    public void Include_join_joins_several_templates()
    {
        var loader = new DictionaryLoader(new Dictionary<string, string> { ["a"] = "A", ["b"] = "B", ["sep"] = "-" });

        var output = Template.Parse("{{ include_join ['a', 'b'] 'tpl:sep' '[' ']' }}|{{ include_join ['a', 'b'] ', ' }}").Render(null, new TemplateRenderOptions { Loader = loader });

        Assert.Equal("[A-B]|A, B", output);
    }

    [Fact]
    public void Builtins_can_be_shadowed_per_render_without_affecting_others()
    {
        Assert.Equal("1", Template.Parse("{{ string = 1 }}{{ string }}").Render());
        Assert.Equal("ABC", Template.Parse("{{ 'abc' | string.upcase }}").Render());
    }
}
