using ChatBotHost.Abstractions.Messages;

namespace ChatBotHost.Abstractions.Tests.Messages;

public class KeyboardTests
{
    [Fact]
    public void ToJson_RowsOfCommandLinkAndAction_MatchesTheDocumentedShape()
    {
        var keyboard = new Keyboard()
            .Command("Yes", "answer", "yes", b => b with { BgColorToken = ButtonColorToken.Primary, Block = true })
            .Command("No", "/answer", "no")
            .NewLine()
            .Link("Open", "https://example.com/a?b=1")
            .Action("Help", ButtonAction.Put, "/help");

        var json = keyboard.ToJson(456).ToJsonString();

        Assert.Equal(
            """{"BOT_ID":456,"BUTTONS":[""" +
            """{"TEXT":"Yes","COMMAND":"answer","COMMAND_PARAMS":"yes","BLOCK":"Y","BG_COLOR_TOKEN":"primary"},""" +
            """{"TEXT":"No","COMMAND":"answer","COMMAND_PARAMS":"no"},""" +
            """{"TYPE":"NEWLINE"},""" +
            """{"TEXT":"Open","LINK":"https://example.com/a?b=1"},""" +
            """{"TEXT":"Help","ACTION":"PUT","ACTION_VALUE":"/help"}]}""",
            json);
    }

    [Fact]
    public void ToJson_EveryField_WritesUppercaseKeysAndWireValues()
    {
        var button = new Button
        {
            Text = "T", Command = "go", CommandParams = "p", Block = false, Disabled = true,
            Context = ButtonContext.Mobile, Display = ButtonDisplay.Line, Width = 120,
            BgColor = "#fff", TextColor = "#000000", OffBgColor = "#ccc", OffTextColor = "#A0B1C2",
            BgColorToken = ButtonColorToken.Alert,
        };

        var json = new Keyboard().Add(button).ToJson(1)["BUTTONS"]![0]!.ToJsonString();

        Assert.Equal(
            """
            {"TEXT":"T","COMMAND":"go","COMMAND_PARAMS":"p","BLOCK":"N","DISABLED":"Y","CONTEXT":"MOBILE","DISPLAY":"LINE","WIDTH":120,"BG_COLOR":"#fff","TEXT_COLOR":"#000000","OFF_BG_COLOR":"#ccc","OFF_TEXT_COLOR":"#A0B1C2","BG_COLOR_TOKEN":"alert"}
            """,
            json);
    }

    [Theory]
    [InlineData(ButtonAction.Put, "PUT")]
    [InlineData(ButtonAction.Send, "SEND")]
    [InlineData(ButtonAction.Copy, "COPY")]
    [InlineData(ButtonAction.Call, "CALL")]
    [InlineData(ButtonAction.Dialog, "DIALOG")]
    public void ToJson_Action_WritesItsWireName(ButtonAction action, string wire)
    {
        var json = new Keyboard().Action("x", action, "v").ToJson(1);

        Assert.Equal(wire, json["BUTTONS"]![0]!["ACTION"]!.GetValue<string>());
    }

    [Fact]
    public void ToJson_AppButton_WritesAppIdAsNumber()
    {
        var json = new Keyboard().Add(new Button { Text = "App", AppId = 7, AppParams = "x" }).ToJson(1);

        Assert.Equal("""{"TEXT":"App","APP_ID":7,"APP_PARAMS":"x"}""", json["BUTTONS"]![0]!.ToJsonString());
    }

    [Fact]
    public void Command_WithLeadingSlash_IsStoredWithoutIt()
    {
        var keyboard = new Keyboard().Command("Go", "/start");

        Assert.Equal("start", keyboard.Buttons[0].Command);
    }

    [Fact]
    public void NewLine_IsKeptAsRowBreakEntry()
    {
        var keyboard = new Keyboard().Command("A", "a").NewLine().Command("B", "b");

        Assert.Equal([false, true, false], keyboard.Buttons.Select(b => b.IsNewLine));
        Assert.Same(Button.NewLine, keyboard.Buttons[1]);
    }

    [Fact]
    public void ToJson_BotIdNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Keyboard().Command("A", "a").ToJson(0));
    }
}
