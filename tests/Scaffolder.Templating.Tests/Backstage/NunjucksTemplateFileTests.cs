using System.Text;
using Scaffolder.Templating.Backstage;
using Xunit;

namespace Scaffolder.Templating.Tests.Backstage;

/// <summary>
/// Every template file case renders exactly as nunjucks (configured as Backstage configures it)
/// rendered it, byte for byte; cases where nunjucks failed fail here too, with a location.
/// </summary>
public sealed class NunjucksTemplateFileTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in NunjucksFileCases.Names())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Every_case_has_exactly_one_expectation()
    {
        var names = NunjucksFileCases.Names();
        Assert.True(names.Count >= 50, $"only {names.Count} cases found in {NunjucksFileCases.Directory}");
        var wrong = names.Where(name => (NunjucksFileCases.Expected(name) is null) == (NunjucksFileCases.Error(name) is null)).ToList();
        Assert.True(wrong.Count == 0, $"cases without exactly one of .expected/.error: {string.Join(", ", wrong)}; run {NunjucksFileCases.RegenerateCommand}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_renders_as_nunjucks_renders_it(string name)
    {
        var expected = NunjucksFileCases.Expected(name);
        if (expected is null)
        {
            return;
        }

        var template = NunjucksTemplate.Parse(NunjucksFileCases.Template(name), name + ".njk");
        Assert.False(template.HasErrors, string.Join("\n", template.Messages));

        var output = template.Render(NunjucksFileCases.Context(name));

        Assert.Equal(expected, output);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(output));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_fails_where_nunjucks_fails_with_a_location(string name)
    {
        var nunjucksError = NunjucksFileCases.Error(name);
        if (nunjucksError is null)
        {
            return;
        }

        var template = NunjucksTemplate.Parse(NunjucksFileCases.Template(name), name + ".njk");
        var (line, column, reason) = template.HasErrors
            ? (template.Messages[0].Line, template.Messages[0].Column, template.Messages[0].Message)
            : RenderError(template, name);

        Assert.True(line >= 1 && column >= 1, $"{name}: error without location: {reason}");
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    private static (int Line, int Column, string Reason) RenderError(NunjucksTemplate template, string name)
    {
        var error = Assert.ThrowsAny<TemplateRuntimeException>(() => template.Render(NunjucksFileCases.Context(name)));
        Assert.Equal(name + ".njk", error.TemplateName);
        return (error.Line, error.Column, error.Reason);
    }
}
