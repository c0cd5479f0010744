using System.Globalization;
using System.Text;

namespace Scaffolder.Templating.Tests.Conformance;

/// <summary>
/// Runs one case the way Scriban's test runner does (see the suite's README): parse as <c>text</c>
/// with an expression depth of 250; on parse errors the result is the messages joined by newlines;
/// otherwise render with the runner's model and defaults; a runtime error's message replaces the output.
/// </summary>
public static class ScribanConformanceRunner
{
    private static readonly TemplateParseOptions ParseOptions = new() { MaxDepth = 250 };

    private static readonly TemplateRenderOptions RenderOptions = new()
    {
        Culture = CultureInfo.InvariantCulture,
        TimeZone = TimeZoneInfo.Utc,
        Loader = new RunnerTemplateLoader(),
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static string Run(string input)
    {
        var template = Template.Parse(input, "text", ParseOptions);
        if (template.HasErrors)
        {
            return string.Join("\n", template.Messages);
        }

        try
        {
            return template.Render(CreateModel(), RenderOptions);
        }
        catch (TemplateRuntimeException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The runner's model: a few objects plus three host functions.</summary>
    public static Dictionary<string, object?> CreateModel() => new()
    {
        ["page"] = new Dictionary<string, object?> { ["title"] = "This is a title" },
        ["user"] = new Dictionary<string, object?> { ["name"] = "John" },
        ["product"] = Product("Orange", "fruit"),
        ["products"] = new List<object?>
        {
            Product("Orange", "fruit"),
            Product("Banana", "fruit"),
            Product("Apple", "fruit"),
            Product("Computer", "electronics"),
            Product("Mobile Phone", "electronics"),
            Product("Table", "furniture"),
            Product("Sofa", "furniture"),
        },
        ["special_concat_strings"] = new TemplateFunction(
            [
                new TemplateParameter("a") { IsOptional = true, DefaultValue = "default_a" },
                new TemplateParameter("b") { IsOptional = true, DefaultValue = "default_b" },
                new TemplateParameter("c") { IsOptional = true, DefaultValue = "default_c" },
            ],
            args => $"a: {args.GetString(0)}, b: {args.GetString(1)}, c: {args.GetString(2)}"),
        ["special_concat_string_and_params"] = new TemplateFunction(
            [new TemplateParameter("a"), new TemplateParameter("args") { IsVariadic = true }],
            args =>
            {
                var text = new StringBuilder("a: ").Append(args.GetString(0));
                var rest = (IReadOnlyList<object?>)args[1]!;
                for (var i = 0; i < rest.Count; i++)
                {
                    text.Append(", v").Append(i).Append(": ").Append(rest[i]);
                }

                return text.ToString();
            }),
        ["special_concat_params"] = new TemplateFunction(
            [new TemplateParameter("args") { IsVariadic = true }],
            args => string.Join(", ", ((IReadOnlyList<object?>)args[0]!).Select((value, i) => $"v{i}: {value}"))),
    };

    private static Dictionary<string, object?> Product(string title, string type) => new()
    {
        ["title"] = title,
        ["type"] = type,
    };

    /// <summary>The runner's include loader: identity paths, a few fixed texts, otherwise the name itself.</summary>
    private sealed class RunnerTemplateLoader : ITemplateLoader
    {
        public string? GetPath(string templateName, string callerTemplateName) => templateName == "null" ? null : templateName;

        public string? Load(string templatePath) => templatePath switch
        {
            "product" => "product: {{ product.title }}",
            "arguments" => "{{ $1 }} + {{ $2 }}",
            "header" => "This is a header",
            "invalid" => "{{ x = }}",
            "invalid2" => null,
            _ => templatePath,
        };
    }
}
