using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Tests.Values;

public sealed class JsonNumberTests
{
    [Theory]
    [InlineData("1", "1.0", 0)]
    [InlineData("1e2", "100", 0)]
    [InlineData("0.1", "1e-1", 0)]
    [InlineData("-0", "0", 0)]
    [InlineData("-1", "1", -1)]
    [InlineData("-2", "-1", -1)]
    [InlineData("12345678901234567890123", "12345678901234567890122", 1)]
    [InlineData("972783798187987123879878123.188781371", "972783798187987123879878123.18878137", 1)]
    [InlineData("0.000001", "1e-7", 1)]
    [InlineData("1e999999999999999999", "1e400", 1)]
    public void Numbers_compare_exactly(string left, string right, int expected)
    {
        Assert.Equal(expected, Math.Sign(JsonNumber.Parse(left).CompareTo(JsonNumber.Parse(right))));
    }

    [Theory]
    [InlineData("4.5", "1.5", true)]
    [InlineData("35", "1.5", false)]
    [InlineData("0.0075", "0.0001", true)]
    [InlineData("0.00751", "0.0001", false)]
    [InlineData("0.075", "0.01", false)]
    [InlineData("1e308", "7", false)]
    [InlineData("7e308", "7", true)]
    [InlineData("0", "3", true)]
    [InlineData("-9", "3", true)]
    public void Multiple_of_is_exact_in_decimal(string value, string divisor, bool expected)
    {
        Assert.Equal(expected, JsonNumber.Parse(value).IsMultipleOf(JsonNumber.Parse(divisor)));
    }

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("1.5e1", true)]
    [InlineData("1.05e1", false)]
    [InlineData("-0.0", true)]
    [InlineData("12345678910111213141516171819202122232425262728293031", true)]
    public void Integer_means_no_fractional_part(string value, bool expected)
    {
        Assert.Equal(expected, JsonNumber.Parse(value).IsInteger);
    }

    [Theory]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("+1")]
    [InlineData("NaN")]
    public void Malformed_number_text_is_rejected(string text)
    {
        Assert.False(JsonNumber.TryParse(text, out _));
    }
}
