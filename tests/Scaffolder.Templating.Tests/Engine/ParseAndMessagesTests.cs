using Xunit;

namespace Scaffolder.Templating.Tests.Engine;

/// <summary>Parsing: compiled templates, and every syntax error reported with its location in Scriban's format.</summary>
public sealed class ParseAndMessagesTests
{
    [Fact]
    public void A_parsed_template_renders_many_times_with_different_models()
    {
        var template = Template.Parse("Hello {{ name }}!", "greeting.sbn");

        Assert.False(template.HasErrors);
        Assert.Equal("greeting.sbn", template.Name);
        Assert.Equal("Hello Ada!", template.Render(new Dictionary<string, object?> { ["name"] = "Ada" }));
        Assert.Equal("Hello Linus!", template.Render(new Dictionary<string, object?> { ["name"] = "Linus" }));
    }

    [Fact]
    public void An_unterminated_block_is_a_located_error()
    {
        var template = Template.Parse("line one\n{{ if x }}\nyes\n", "page.sbn");

        Assert.True(template.HasErrors);
        var message = Assert.Single(template.Messages);
        Assert.Equal("page.sbn", message.TemplateName);
        Assert.Equal((2, 11), (message.Line, message.Column));
        Assert.Equal("Error while parsing if statement: The <end> statement was not found in: if <expression> ... end|else|else if", message.Message);
        Assert.Equal($"page.sbn({message.Line},{message.Column}) : error : {message.Message}", message.ToString());
    }

    [Fact]
    public void Every_parse_error_is_reported_not_only_the_first()
    {
        var template = Template.Parse("{{ for }}\n{{ x = 1 +; y = }}\n{{ if }}", "many.sbn");

        Assert.Equal(
            [
                "many.sbn(1,8) : error : Error while parsing for statement: Expecting <expression> instead of `}}` in: for <variable> in <expression> ... end",
                "many.sbn(2,11) : error : Error while parsing binary expression: Expecting an <expression> to the right of the operator instead of `;` in: <expression> operator <expression>",
                "many.sbn(2,17) : error : Error while parsing assign expression: Expecting <expression> instead of `}}` in: <target_expression> = <value_expression>",
                "many.sbn(3,7) : error : Error while parsing if statement: Expecting <expression> instead of `}}` in: if <expression> ... end|else|else if",
            ],
            template.Messages.Select(m => m.ToString()).Take(4));
    }

    [Fact]
    public void An_unexpected_end_names_the_problem()
    {
        var message = Assert.Single(Template.Parse("{{ end }}").Messages);

        Assert.Equal("text(1,6) : error : Error while parsing ScriptPage: Found <end> statement without a corresponding beginning of a block in: ...", message.ToString());
    }

    [Fact]
    public void Rendering_a_template_with_errors_is_refused()
    {
        var template = Template.Parse("{{ for x in y }}");

        var error = Assert.Throws<InvalidOperationException>(() => template.Render());
        Assert.Contains("has parse errors", error.Message);
    }

    [Fact]
    public void Deeply_nested_input_is_a_parse_error_not_a_stack_overflow()
    {
        var parentheses = "{{ " + new string('(', 100_000) + "1" + new string(')', 100_000) + " }}";
        var blocks = string.Concat(Enumerable.Repeat("{{ if true }}", 20_000)) + string.Concat(Enumerable.Repeat("{{ end }}", 20_000));
        var chain = "{{ 1" + string.Concat(Enumerable.Repeat(" + 1", 50_000)) + " }}";

        foreach (var text in new[] { parentheses, blocks, chain })
        {
            var template = Template.Parse(text);
            Assert.True(template.HasErrors);
            Assert.Contains(template.Messages, m => m.Message.Contains("depth limit `250`"));
        }
    }

    [Fact]
    public void The_parse_depth_limit_is_configurable()
    {
        var text = "{{ " + new string('(', 40) + "1" + new string(')', 40) + " }}";

        Assert.False(Template.Parse(text).HasErrors);
        Assert.True(Template.Parse(text, options: new TemplateParseOptions { MaxDepth = 20 }).HasErrors);
    }
}
