using ChatBotHost.Abstractions.Messages;

namespace ChatBotHost.Abstractions.Tests.Messages;

public class BbCodeTests
{
    private const string J = "\u2060";

    [Fact]
    public void TextStyles_WrapTheirTag()
    {
        Assert.Equal("[b]x[/b]", (string)BbCode.Bold("x"));
        Assert.Equal("[i]x[/i]", (string)BbCode.Italic("x"));
        Assert.Equal("[u]x[/u]", (string)BbCode.Underline("x"));
        Assert.Equal("[s]x[/s]", (string)BbCode.Strike("x"));
        Assert.Equal("[size=20]x[/size]", (string)BbCode.Size(20, "x"));
        Assert.Equal("[color=#ff0000]x[/color]", (string)BbCode.Color("#ff0000", "x"));
        Assert.Equal("[br]", (string)BbCode.LineBreak);
    }

    [Fact]
    public void Bold_HostileText_IsEscapedInside()
    {
        Assert.Equal("[b][" + J + "/b][" + J + "url=javascript:x]y[/b]", BbCode.Bold("[/b][url=javascript:x]y").Markup);
    }

    [Fact]
    public void Bold_OfMarkup_NestsWithoutEscapingAgain()
    {
        Assert.Equal("[b][i]x[/i][/b]", BbCode.Bold(BbCode.Italic("x")).Markup);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(31)]
    public void Size_OutOfRange_Throws(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BbCode.Size(size, "x"));
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#ff00]")]
    [InlineData("#12345")]
    public void Color_NotHex_Throws(string color)
    {
        Assert.Throws<ArgumentException>(() => BbCode.Color(color, "x"));
    }

    [Fact]
    public void Url_WithLabel_EscapesLabelAndFlattensItsLineBreaks()
    {
        var markup = BbCode.Url("https://example.com/a?q=1", "[b]a\nb").Markup;

        Assert.Equal("[url=https://example.com/a?q=1][" + J + "b]a b[/url]", markup);
    }

    [Fact]
    public void Url_BracketsInAddress_ArePercentEncoded()
    {
        Assert.Equal("[url]https://example.com/a%5B1%5D[/url]", BbCode.Url("https://example.com/a[1]").Markup);
        Assert.Equal("[url=/crm/deal/1/]Deal[/url]", BbCode.Url("/crm/deal/1/", "Deal").Markup);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://x.io/a b")]
    [InlineData("//evil.example")]
    [InlineData("data:text/html,x")]
    public void Url_UnsafeAddress_Throws(string url)
    {
        Assert.Throws<ArgumentException>(() => BbCode.Url(url, "x"));
    }

    [Fact]
    public void Mentions_WriteIdsAndEscapedNames()
    {
        Assert.Equal("[user=12][" + J + "b]Eve[/user]", BbCode.User(12, "[b]Eve").Markup);
        Assert.Equal("[user=all]everyone[/user]", BbCode.UserAll("everyone").Markup);
        Assert.Equal("[chat=34]Support[/chat]", BbCode.Chat(34, "Support").Markup);
        Assert.Throws<ArgumentOutOfRangeException>(() => BbCode.User(0, "x"));
    }

    [Fact]
    public void Quote_EachLinePrefixedAndUserQuotesEscaped()
    {
        Assert.Equal(">>first\n>>>" + J + ">second", BbCode.Quote("first\r\n>>second\n").Markup);
    }

    [Fact]
    public void Code_KeepsContentButSplitsTheClosingTag()
    {
        var markup = BbCode.Code("if (a[i] > 0) {}\n[/code][b]x[/b][/CODE]").Markup;

        Assert.Equal("[code]if (a[i] > 0) {}\n[" + J + "/code][b]x[/b][" + J + "/CODE][/code]", markup);
    }

    [Fact]
    public void Actions_WriteCommandAndEscapedLabel()
    {
        Assert.Equal("[put=/search ]Search [" + J + "i][/put]", BbCode.Put("/search ", "Search [i]").Markup);
        Assert.Equal("[send=/help]Help[/send]", BbCode.Send("/help", "Help").Markup);
        Assert.Equal("[call=+1 999 123-45-67]Call us[/call]", BbCode.Call("+1 999 123-45-67", "Call us").Markup);
    }

    [Theory]
    [InlineData("/x]evil[send=/y")]
    [InlineData("")]
    [InlineData("/a\nb")]
    public void Send_CommandThatWouldBreakTheTag_Throws(string command)
    {
        Assert.Throws<ArgumentException>(() => BbCode.Send(command, "x"));
    }

    [Fact]
    public void Call_NotANumber_Throws()
    {
        Assert.Throws<ArgumentException>(() => BbCode.Call("javascript:x", "x"));
    }

    [Fact]
    public void Timestamp_WritesUnixSecondsAndFormat()
    {
        var moment = new DateTimeOffset(2022, 2, 26, 3, 5, 20, TimeSpan.FromHours(3));

        Assert.Equal("[timestamp=1645833920 format=SHORT_TIME_FORMAT]", BbCode.Timestamp(moment, "SHORT_TIME_FORMAT").Markup);
        Assert.Throws<ArgumentException>(() => BbCode.Timestamp(moment, "x] [b"));
    }
}
