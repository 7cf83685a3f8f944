using System.Globalization;
using ChatBotHost.Abstractions.Messages;

namespace ChatBotHost.Abstractions.Tests.Messages;

public class BbFormatTests
{
    private const string J = "\u2060";

    [Fact]
    public void Format_LiteralsAreMarkupAndStringHolesAreEscaped()
    {
        var id = 142;
        var subject = "[b]urgent[/b] >>now";

        var text = BbCode.Format($"Ticket [b]#{id}[/b]: {subject}");

        Assert.Equal("Ticket [b]#142[/b]: [" + J + "b]urgent[" + J + "/b] >" + J + ">now", text.Markup);
    }

    [Fact]
    public void Format_BbTextHoles_AreKept()
    {
        var link = BbCode.Url("https://example.com", "site");

        var text = BbCode.Format($"Open {link} or {BbCode.Bold("[x]")}");

        Assert.Equal("Open [url=https://example.com]site[/url] or [b][" + J + "x][/b]", text.Markup);
    }

    [Fact]
    public void Format_FormattedHoles_UseCurrentCultureAndAreEscaped()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var text = BbCode.Format($"{1234.5:N1} {new Weird()} {null as string}!");

            Assert.Equal("1,234.5 [" + J + "b]weird !", text.Markup);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void BbText_ConvertsToStringImplicitly()
    {
        string message = BbCode.Format($"{"a"}{BbCode.LineBreak}b");

        Assert.Equal("a[br]b", message);
    }

    private sealed class Weird
    {
        public override string ToString() => "[b]weird";
    }
}
