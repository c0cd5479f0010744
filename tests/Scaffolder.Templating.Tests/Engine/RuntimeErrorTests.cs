using Xunit;

namespace Scaffolder.Templating.Tests.Engine;

/// <summary>Bad templates fail with one exception type that carries the template name, line, column and Scriban's message.</summary>
public sealed class RuntimeErrorTests
{
    private static TemplateRuntimeException Fails(string text, object? model = null, TemplateRenderOptions? options = null)
    {
        var template = Template.Parse(text, "bad.sbn");
        Assert.False(template.HasErrors, string.Join("\n", template.Messages));
        return Assert.ThrowsAny<TemplateRuntimeException>(() => template.Render(model, options));
    }

    [Fact]
    public void An_unknown_function_is_located_at_the_call()
    {
        var error = Fails("line 1\n  {{ nothing_here(1) }}");

        Assert.Equal("bad.sbn", error.TemplateName);
        Assert.Equal(2, error.Line);
        Assert.Equal(6, error.Column);
        Assert.Equal("The function `nothing_here` was not found", error.Reason);
        Assert.Equal("bad.sbn(2,6) : error : The function `nothing_here` was not found", error.Message);
    }

    [Fact]
    public void A_wrong_argument_count_says_what_was_expected()
    {
        var error = Fails("{{ string.upcase 'a' 'b' }}");

        Assert.Equal("Invalid number of arguments `2` passed to `string.upcase 'a' 'b'` while expecting `1` arguments", error.Reason);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void A_type_error_names_the_operator_and_types()
    {
        var error = Fails("{{ 1 + [1] }}");

        Assert.StartsWith("The operator `+` is not supported between int and array", error.Reason);
        Assert.Equal(4, error.Column);
    }

    [Theory]
    [InlineData("{{ 10 % 0 }}")]
    [InlineData("{{ 10 // 0 }}")]
    public void Integer_division_by_zero_is_an_error(string text)
    {
        var error = Fails(text);

        Assert.Contains("divide by", error.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Member_access_on_null_is_an_error_with_the_path()
    {
        var error = Fails("{{ user.address.city }}", new Dictionary<string, object?> { ["user"] = new Dictionary<string, object?>() });

        Assert.Equal("Cannot get the member user.address.city for a null object.", error.Reason);
    }

    [Fact]
    public void Strict_variables_turn_a_missing_name_into_an_error()
    {
        Assert.Equal("[]", Template.Parse("[{{ missing }}]").Render());

        var error = Fails("{{ missing }}", options: new TemplateRenderOptions { StrictVariables = true });
        Assert.Equal("The variable or function `missing` was not found", error.Reason);
    }

    [Fact]
    public void Include_without_a_loader_is_an_error()
    {
        var error = Fails("{{ include 'other' }}");

        Assert.Contains("Unable to include <other>", error.Reason);
    }

    [Fact]
    public void A_failing_host_function_is_located_at_its_call()
    {
        var options = new TemplateRenderOptions
        {
            Globals = new Dictionary<string, object?>
            {
                ["explode"] = TemplateFunction.Create(_ => throw new InvalidOperationException("boom")),
            },
        };

        var error = Fails("ok\n{{ explode 1 }}", options: options);

        Assert.Equal((2, 4, "boom"), (error.Line, error.Column, error.Reason));
    }

    [Fact]
    public void Templates_cannot_reach_dotnet_members_of_host_objects()
    {
        var model = new Dictionary<string, object?> { ["value"] = new Uri("https://example.com/secret") };

        var output = Template.Parse("[{{ value.Host }}][{{ value.GetType }}][{{ value.AbsoluteUri }}]").Render(model);

        Assert.Equal("[][][]", output);
    }
}
