using ChatBotHost.Abstractions.Messages;

namespace ChatBotHost.Abstractions.Tests.Messages;

public class ButtonValidationTests
{
    public static TheoryData<Button, string> BadButtons => new()
    {
        { new Button { Text = " ", Command = "a" }, "#1: TEXT is required" },
        { new Button { Text = "Nothing" }, "#1 \"Nothing\": needs one action" },
        { new Button { Text = "Two", Command = "a", Link = "https://x.io" }, "has LINK and COMMAND" },
        { new Button { Text = "Three", Command = "a", Action = ButtonAction.Copy, ActionValue = "v", AppId = 1 }, "has COMMAND and ACTION and APP_ID" },
        { new Button { Text = "Half", Action = ButtonAction.Send }, "ACTION and ACTION_VALUE go together" },
        { new Button { Text = "Half", ActionValue = "v" }, "ACTION and ACTION_VALUE go together" },
        { new Button { Text = "Js", Link = "javascript:alert(1)" }, "LINK \"javascript:alert(1)\" is neither" },
        { new Button { Text = "Ftp", Link = "ftp://x.io/f" }, "is neither an http(s) URL" },
        { new Button { Text = "Proto", Link = "//evil.example/x" }, "is neither" },
        { new Button { Text = "Rel", Link = "path/no/slash" }, "is neither" },
        { new Button { Text = "Space", Link = "https://x.io/a b" }, "is neither" },
        { new Button { Text = "Slash", Command = "/" }, "must be a command name" },
        { new Button { Text = "Spaced", Command = "go now" }, "must be a command name" },
        { new Button { Text = "Params", Link = "/a", CommandParams = "p" }, "COMMAND_PARAMS is only sent with COMMAND" },
        { new Button { Text = "AppP", Link = "/a", AppParams = "p" }, "APP_PARAMS is only sent with APP_ID" },
        { new Button { Text = "Wide", Command = "a", Width = 0 }, "WIDTH 0 must be positive" },
        { new Button { Text = "Red", Command = "a", BgColor = "red" }, "BG_COLOR \"red\" is not a #RGB" },
        { new Button { Text = "Red", Command = "a", TextColor = "#ff00" }, "TEXT_COLOR" },
        { new Button { Text = "Red", Command = "a", OffBgColor = "#gggggg" }, "OFF_BG_COLOR" },
        { new Button { Text = "Red", Command = "a", OffTextColor = "fff" }, "OFF_TEXT_COLOR" },
    };

    [Theory]
    [MemberData(nameof(BadButtons))]
    public void Add_BadButton_ThrowsNamingButtonAndProblem(Button button, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new Keyboard().Add(button));

        Assert.StartsWith("Keyboard button #", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_BadSecondButton_NamesItsPosition()
    {
        var keyboard = new Keyboard().Command("A", "a");

        var error = Assert.Throws<ArgumentException>(() => keyboard.Link("B", "mailto:x@y.z"));

        Assert.Contains("#2 \"B\"", error.Message, StringComparison.Ordinal);
        Assert.Single(keyboard.Buttons);
    }

    [Theory]
    [InlineData("https://example.com")]
    [InlineData("http://example.com/a?b=c#d")]
    [InlineData("/crm/deal/details/142/")]
    [InlineData("/")]
    public void Link_AllowedForm_IsAccepted(string url)
    {
        var keyboard = new Keyboard().Link("Open", url);

        Assert.Equal(url, keyboard.Buttons[0].Link);
    }

    [Fact]
    public void Style_ThatBreaksTheButton_IsCaught()
    {
        Assert.Throws<ArgumentException>(() => new Keyboard().Command("A", "a", style: b => b with { Link = "/x" }));
    }
}
