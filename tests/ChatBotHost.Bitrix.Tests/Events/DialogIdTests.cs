using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Tests.Fixtures;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Tests.Events;

public class DialogIdTests
{
    private static BotEvent Decode(string type, JsonObject data)
    {
        var body = PhpForm.Encode(new JsonObject { ["event"] = type, ["data"] = data });
        // Every case holds for the routing read the intake queues events by, too.
        WebhookRoutingTests.AssertAgrees(body, FixtureFiles.FormContentType);
        return WebhookEventDecoder.Decode(body, FixtureFiles.FormContentType).Event;
    }

    [Fact]
    public void DialogId_OfGroupChatEvent_IsTheChatsDialogId() =>
        Assert.Equal("chat5", FetchEventDecoder.Decode(FixtureFiles.Fetch("ONIMBOTV2MESSAGEADD")).DialogId);

    [Fact]
    public void DialogId_OfGroupChatWithoutDialogId_IsChatPlusId()
    {
        var evt = Decode(MessageAdded.WireType, new JsonObject
        {
            ["chat"] = new JsonObject { ["id"] = 12, ["type"] = "chat" },
            ["user"] = new JsonObject { ["id"] = 3 },
        });

        Assert.Equal("chat12", evt.DialogId);
    }

    [Fact]
    public void DialogId_OfPrivateChatWithoutDialogId_IsTheOtherPartysUserId()
    {
        var evt = Decode(MessageAdded.WireType, new JsonObject
        {
            ["chat"] = new JsonObject { ["id"] = 30, ["type"] = "private" },
            ["user"] = new JsonObject { ["id"] = 8 },
        });

        Assert.Equal("8", evt.DialogId);
    }

    [Fact]
    public void DialogId_NamedExplicitly_WinsOverTheChat()
    {
        var evt = Decode(BotJoinedChat.WireType, new JsonObject
        {
            ["dialogId"] = "chat7",
            ["chat"] = new JsonObject { ["id"] = 5, ["dialogId"] = "chat5" },
        });

        Assert.Equal("chat7", Assert.IsType<BotJoinedChat>(evt).ExplicitDialogId);
        Assert.Equal("chat7", evt.DialogId);
    }

    [Fact]
    public void DialogId_OfContextRequestInPrivateDialog_IsTheUserId()
    {
        var fetched = FetchEventDecoder.Decode(FixtureFiles.Fetch("ONIMBOTV2CONTEXTGET"));

        Assert.Equal("1", fetched.DialogId);
    }

    [Fact]
    public void DialogId_OfBotDeleted_IsNull() =>
        Assert.Null(FetchEventDecoder.Decode(FixtureFiles.Fetch("ONIMBOTV2DELETE")).DialogId);
}
