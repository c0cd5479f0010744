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
    /// <summary>
    /// Nunjucks behaviour not reproduced, each kept as an <c>unsupported-*</c> case so that the
    /// difference stays visible: a case here that starts to agree must leave the list.
    /// </summary>
    private static readonly Dictionary<string, string> Unsupported = new()
    {
        ["unsupported-keyword-arguments-on-a-plain-filter"] =
            "nunjucks hands keyword arguments to ordinary filters as a trailing object, which they misread (indent(width=2) indents nothing); we refuse them with an error instead.",
        ["unsupported-macro"] = "macro/call tags are not implemented: no template in the corpus defines macros.",
        ["unsupported-method-reference-without-call"] = "a method read without calling it (`x.trim`) is called by the shared runtime rather than kept as a function value.",
        ["unsupported-printing-a-function"] = "printing a function prints JavaScript source text in nunjucks; nothing meaningful to reproduce.",
        ["unsupported-regular-expression-literals"] = "r/.../ literals would need JavaScript regular expressions translated to .NET ones; refused with a clear error.",
        ["unsupported-regular-expression-methods"] = "string methods taking regular expressions (search, match) are not provided.",
        ["unsupported-safe-string-is-escaped"] = "autoescaping is off in Backstage, so `safe` marks nothing and `is escaped` is always false.",
        ["unsupported-set-loop-inside-a-loop"] = "assigning to `loop` inside a loop makes nunjucks fail on its next iteration; we let the template's value win.",
        ["unsupported-sort-of-mixed-types"] = "sorting numbers mixed with text depends on V8's sort algorithm with an inconsistent comparison; ours is a stable merge sort.",
        ["unsupported-urlize"] = "urlize is not provided (HTML link building has no use in skeleton files).",
    };

    [Fact]
    public void Every_unsupported_case_is_listed_with_its_reason()
    {
        var cases = NunjucksFileCases.Names().Where(name => name.StartsWith("unsupported-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Unsupported.Keys.Order(StringComparer.Ordinal), cases);
    }

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
        if (expected is null || Unsupported.ContainsKey(name))
        {
            return;
        }

        var template = NunjucksTemplate.Parse(NunjucksFileCases.Template(name), name + ".njk", NunjucksFileCases.Options(name));
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
        if (nunjucksError is null || Unsupported.ContainsKey(name))
        {
            return;
        }

        var template = NunjucksTemplate.Parse(NunjucksFileCases.Template(name), name + ".njk", NunjucksFileCases.Options(name));
        var (line, column, reason) = template.HasErrors
            ? (template.Messages[0].Line, template.Messages[0].Column, template.Messages[0].Message)
            : RenderError(template, name);

        Assert.True(line >= 1 && column >= 1, $"{name}: error without location: {reason}");
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Unsupported_case_still_differs_from_nunjucks(string name)
    {
        if (!Unsupported.TryGetValue(name, out var reason))
        {
            return;
        }

        var expected = NunjucksFileCases.Expected(name);
        var template = NunjucksTemplate.Parse(NunjucksFileCases.Template(name), name + ".njk", NunjucksFileCases.Options(name));
        string? output = null;
        if (!template.HasErrors)
        {
            try
            {
                output = template.Render(NunjucksFileCases.Context(name));
            }
            catch (TemplateRuntimeException)
            {
            }
        }

        var agrees = expected is null ? output is null : output == expected;
        Assert.False(agrees, $"`{name}` is listed as unsupported ({reason}) but now behaves as nunjucks does: remove it from the list.");
    }

    private static (int Line, int Column, string Reason) RenderError(NunjucksTemplate template, string name)
    {
        var error = Assert.ThrowsAny<TemplateRuntimeException>(() => template.Render(NunjucksFileCases.Context(name)));
        Assert.Equal(name + ".njk", error.TemplateName);
        return (error.Line, error.Column, error.Reason);
    }
}
