using Scaffolder.Scaffolding.Expressions;
using Xunit;

namespace Scaffolder.Scaffolding.Tests.Expressions;

public sealed class ExpressionTextTests
{
    [Fact]
    public void Splits_text_into_literals_and_trimmed_expressions()
    {
        Assert.True(ExpressionText.TrySplit("a ${{ x }} b ${{y}}", out var segments, out _));

        Assert.Equal(
            [new ExpressionSegment(false, "a "), new ExpressionSegment(true, "x"), new ExpressionSegment(false, " b "), new ExpressionSegment(true, "y")],
            segments);
    }

    [Fact]
    public void A_closing_brace_pair_inside_a_quoted_string_does_not_end_the_expression()
    {
        Assert.True(ExpressionText.TrySplit("${{ 'a}}b' | string.upcase }}", out var segments, out _));

        Assert.Equal([new ExpressionSegment(true, "'a}}b' | string.upcase")], segments);
    }

    [Fact]
    public void Plain_braces_are_literal_text()
    {
        Assert.False(ExpressionText.HasExpressions("{{ .Values.x }}"));
        Assert.True(ExpressionText.TrySplit("{{ .Values.x }}", out var segments, out _));
        Assert.Equal([new ExpressionSegment(false, "{{ .Values.x }}")], segments);
    }

    [Fact]
    public void An_unclosed_expression_is_an_error()
    {
        Assert.False(ExpressionText.TrySplit("${{ x", out _, out var error));
        Assert.Contains("never closed", error, StringComparison.Ordinal);
    }
}
