using ChatBotHost.Abstractions.Messages;

namespace ChatBotHost.Abstractions.Tests.Messages;

public class BbEscapeTests
{
    // U+2060 WORD JOINER: invisible, so the reader sees the text unchanged.
    private const string J = "\u2060";

    [Theory]
    [InlineData("[b]x[/b]", "[" + J + "b]x[" + J + "/b]")]
    [InlineData("[url=javascript:alert(1)]click[/url]", "[" + J + "url=javascript:alert(1)]click[" + J + "/url]")]
    [InlineData("[/code]", "[" + J + "/code]")]
    [InlineData(">>fake quote", ">" + J + ">fake quote")]
    [InlineData("a >>> b", ">" + J + ">" + J + ">")]
    [InlineData("------\nMallory\n------", "-" + J + "-" + J + "-" + J + "-" + J + "-" + J + "-\nMallory")]
    [InlineData("one#BR#two #br#", "one#" + J + "BR#two #" + J + "br#")]
    [InlineData("[USER=all]hi[/USER]", "[" + J + "USER=all]")]
    public void Escape_HostileInput_BreaksEveryMarkupOpener(string input, string expectedPart)
    {
        var escaped = BbCode.Escape(input);

        Assert.Contains(expectedPart, escaped, StringComparison.Ordinal);
        Assert.Equal(input, escaped.Replace(J, string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain text, 100% > 99")]
    [InlineData("a-b and > one")]
    [InlineData("emoji 🙂 and кириллица")]
    [InlineData("")]
    public void Escape_HarmlessText_IsUnchanged(string input)
    {
        Assert.Equal(input, BbCode.Escape(input));
    }

    [Fact]
    public void Escape_Newlines_AreKept()
    {
        Assert.Equal("line 1\nline 2\r\n>" + J + ">3", BbCode.Escape("line 1\nline 2\r\n>>3"));
    }

    [Fact]
    public void StringToBbText_Conversion_Escapes()
    {
        BbText text = "[i]x[/i]";

        Assert.Equal("[" + J + "i]x[" + J + "/i]", text.Markup);
    }

    [Fact]
    public void Raw_TrustsMarkup()
    {
        Assert.Equal("[i]x[/i]", BbText.Raw("[i]x[/i]").ToString());
    }
}
