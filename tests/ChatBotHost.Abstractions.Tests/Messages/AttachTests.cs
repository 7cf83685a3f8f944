using ChatBotHost.Abstractions.Messages;

namespace ChatBotHost.Abstractions.Tests.Messages;

public class AttachTests
{
    [Fact]
    public void ToJson_DocumentedExample_MatchesExactly()
    {
        var attach = new Attach { Id = 1, ColorToken = ButtonColorToken.Primary, Color = "#29619b" }
            .Message("Request #142")
            .Delimiter(200, "#c6c6c6")
            .Grid(GridItem.Row("Status", "In progress"))
            .Link("/crm/deal/details/142/", "Open");

        Assert.Equal(
            """
            {"ID":1,"COLOR_TOKEN":"primary","COLOR":"#29619b","BLOCKS":[{"MESSAGE":"Request #142"},{"DELIMITER":{"SIZE":200,"COLOR":"#c6c6c6"}},{"GRID":[{"DISPLAY":"ROW","NAME":"Status","VALUE":"In progress"}]},{"LINK":{"LINK":"/crm/deal/details/142/","NAME":"Open"}}]}
            """,
            attach.ToJson().ToJsonString());
    }

    [Fact]
    public void ToJson_UserImageAndFileBlocks_WriteAllFields()
    {
        var attach = new Attach()
            .User(new AttachUser
            {
                Name = "John Smith", Avatar = "https://example.com/a.png", Link = "/company/personal/user/1/",
                UserId = 1, ChatId = 2, BotId = 3, NetworkId = "n1", AvatarType = AvatarType.Bot,
            })
            .Image(new AttachImage { Link = "https://example.com/i.jpg", Name = "Mantis", Preview = "/p.jpg", Width = 1000, Height = 638 })
            .File(
                new AttachFile { Link = "https://example.com/r.pdf", Name = "report.pdf", Size = 1_500_000 },
                new AttachFile { Link = "/upload/p.xlsx" });

        Assert.Equal(
            """
            {"BLOCKS":[{"USER":{"NAME":"John Smith","AVATAR":"https://example.com/a.png","LINK":"/company/personal/user/1/","USER_ID":1,"CHAT_ID":2,"BOT_ID":3,"NETWORK_ID":"n1","AVATAR_TYPE":"BOT"}},{"IMAGE":[{"LINK":"https://example.com/i.jpg","NAME":"Mantis","PREVIEW":"/p.jpg","WIDTH":1000,"HEIGHT":638}]},{"FILE":[{"LINK":"https://example.com/r.pdf","NAME":"report.pdf","SIZE":1500000},{"LINK":"/upload/p.xlsx"}]}]}
            """,
            attach.ToJson().ToJsonString());
    }

    [Fact]
    public void ToJson_LinkAndGridItemWithEveryField_UsesUppercaseKeys()
    {
        var attach = new Attach()
            .Link(new AttachLink
            {
                Link = "https://api.example.com/", Name = "N", Desc = "D", Html = "<b>H</b>", Preview = "https://example.com/p.png",
                Width = 10, Height = 20, UserId = 5, ChatId = 6, NetworkId = "x",
            })
            .Grid(new GridItem
            {
                Display = GridDisplay.Line, Name = "Priority", Value = "[b]High[/b]", Width = 250, Height = 40,
                ColorToken = ButtonColorToken.Alert, Color = "#f00", Link = "/tasks/1/", UserId = 7, ChatId = 8,
            });

        var blocks = attach.ToJson()["BLOCKS"]!.AsArray();

        Assert.Equal(
            ["LINK", "NAME", "DESC", "HTML", "PREVIEW", "WIDTH", "HEIGHT", "USER_ID", "CHAT_ID", "NETWORK_ID"],
            blocks[0]!["LINK"]!.AsObject().Select(p => p.Key));
        Assert.Equal(
            ["DISPLAY", "NAME", "VALUE", "WIDTH", "HEIGHT", "COLOR_TOKEN", "COLOR", "LINK", "USER_ID", "CHAT_ID"],
            blocks[1]!["GRID"]![0]!.AsObject().Select(p => p.Key));
        Assert.Equal("LINE", blocks[1]!["GRID"]![0]!["DISPLAY"]!.GetValue<string>());
        Assert.Equal("alert", blocks[1]!["GRID"]![0]!["COLOR_TOKEN"]!.GetValue<string>());
    }

    [Fact]
    public void Delimiter_WithoutArguments_IsAnEmptyObject()
    {
        Assert.Equal("""{"BLOCKS":[{"DELIMITER":{}}]}""", new Attach().Delimiter().ToJson().ToJsonString());
    }

    [Fact]
    public void Grid_MixedDisplayModes_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new Attach().Grid(GridItem.Row("a", "1"), GridItem.Block("b", "2")));

        Assert.Contains("mixes DISPLAY modes Row, Block", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_OverSixtyThousandCharacters_ThrowsAttachOversize()
    {
        var attach = new Attach().Message(new string('x', 30_000)).Message(new string('y', 30_000));

        var error = Assert.Throws<InvalidOperationException>(() => attach.ToJson());

        Assert.Contains("ATTACH_OVERSIZE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_JustUnderTheLimit_Passes()
    {
        // {"BLOCKS":[{"MESSAGE":"…"}]} adds 27 characters around the text.
        var attach = new Attach().Message(new string('x', Attach.MaxSerializedLength - 27));

        Assert.Equal(Attach.MaxSerializedLength, attach.ToJson().ToJsonString().Length);
    }

    [Fact]
    public void ToJson_NonAsciiText_CountsItsEscapedLength()
    {
        // 10,001 Cyrillic letters are 10,001 characters but 60,006 once escaped as \uXXXX.
        var attach = new Attach().Message(new string('ж', 10_001));

        Assert.Throws<InvalidOperationException>(() => attach.ToJson());
    }

    [Fact]
    public void ToJson_NoBlocks_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new Attach().ToJson());
    }

    public static TheoryData<Action, string> BadBlocks => new()
    {
        { () => new Attach().Message(" "), "Attach MESSAGE block: MESSAGE is required" },
        { () => new Attach().Link("javascript:alert(1)"), "Attach LINK block: LINK \"javascript:alert(1)\" is neither" },
        { () => new Attach().Link(new AttachLink { Link = "/a", Preview = "ftp://x/p.png" }), "PREVIEW \"ftp://x/p.png\"" },
        { () => new Attach().User(new AttachUser { Name = "" }), "Attach USER block: NAME is required" },
        { () => new Attach().User(new AttachUser { Name = "A", Avatar = "//cdn/x.png" }), "AVATAR" },
        { () => new Attach().Grid(), "Attach GRID block: needs at least one item" },
        { () => new Attach().Grid(new GridItem { Display = GridDisplay.Row, Color = "blue" }), "COLOR \"blue\"" },
        { () => new Attach().Image(), "Attach IMAGE block: needs at least one item" },
        { () => new Attach().Image(new AttachImage { Link = "img.png" }), "Attach IMAGE block: LINK \"img.png\"" },
        { () => new Attach().Image(new AttachImage { Link = "/i.png", Width = 0 }), "WIDTH 0 must be positive" },
        { () => new Attach().File(new AttachFile { Link = "/f", Size = -1 }), "SIZE -1 is negative" },
        { () => new Attach().Delimiter(0), "Attach DELIMITER block: SIZE 0 must be positive" },
        { () => new Attach().Delimiter(color: "#12"), "Attach DELIMITER block: COLOR \"#12\"" },
        { () => _ = new Attach { Color = "red" }, "Attach: COLOR \"red\"" },
    };

    [Theory]
    [MemberData(nameof(BadBlocks))]
    public void Add_BadBlock_ThrowsNamingBlockAndProblem(Action add, string expected)
    {
        var error = Assert.Throws<ArgumentException>(add);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
