using System.Text;
using Scaffolder.Scaffolding.Actions.Skeletons;

namespace Scaffolder.Scaffolding.Tests.Actions.Skeletons;

public sealed class BinaryContentTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain ASCII text\n")]
    [InlineData("caf\u00e9 \u2014 \u65e5\u672c\u8a9e \U0001F600 in UTF-8\n")]
    [InlineData("tabs\tand\r\nform feeds\f are text")]
    public void Text_is_not_binary(string text) => Assert.False(BinaryContent.IsBinary(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void A_nul_byte_makes_a_file_binary() => Assert.True(BinaryContent.IsBinary("text\0more"u8));

    [Fact]
    public void A_pdf_header_makes_a_file_binary() => Assert.True(BinaryContent.IsBinary("%PDF-1.7\nrest is ascii"u8));

    [Fact]
    public void Text_byte_order_marks_mean_text_even_with_odd_bytes_after_them()
    {
        Assert.False(BinaryContent.IsBinary([0xEF, 0xBB, 0xBF, 0x01, 0x02, 0x03]));
        Assert.False(BinaryContent.IsBinary([0xFF, 0xFE, 0x41, 0x00]));
        Assert.False(BinaryContent.IsBinary([0xFE, 0xFF, 0x00, 0x41]));
    }

    [Fact]
    public void More_than_a_tenth_of_bytes_outside_text_makes_a_file_binary()
    {
        var mostlyText = Enumerable.Repeat((byte)'a', 100).Concat(Enumerable.Repeat((byte)0x01, 5)).ToArray();
        var noisy = Enumerable.Repeat((byte)'a', 100).Concat(Enumerable.Repeat((byte)0x01, 40)).ToArray();

        Assert.False(BinaryContent.IsBinary(mostlyText));
        Assert.True(BinaryContent.IsBinary(noisy));
    }

    [Fact]
    public void Only_the_first_512_bytes_are_examined()
    {
        var late = Enumerable.Repeat((byte)'a', 600).Append((byte)0).ToArray();

        Assert.False(BinaryContent.IsBinary(late));
    }
}
