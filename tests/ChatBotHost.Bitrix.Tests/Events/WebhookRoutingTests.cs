using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Tests.Fixtures;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Tests.Events;

/// <summary>The routing read of a webhook body must say what the full decode would say of the same body.</summary>
public class WebhookRoutingTests
{
    public static TheoryData<string> EventTypes => FixtureFiles.EventTypes;

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Read_OfEveryFormFixture_AgreesWithTheFullDecode(string type) =>
        AssertAgrees(FixtureFiles.WebhookForm(type), FixtureFiles.FormContentType);

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Read_OfEveryJsonFixture_AgreesWithTheFullDecode(string type) =>
        AssertAgrees(FixtureFiles.WebhookJson(type), FixtureFiles.JsonContentType);

    [Fact]
    public void Read_OfAnEventWithAnUnreadableMessage_StillRoutesIt()
    {
        // Only what routing needs must be readable: the rest is the handler's side's to decode and, failing that,
        // to keep as a dead letter, rather than an error answered to a sender that never retries.
        var body = Form(MessageAdded.WireType, new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = 9 },
            ["message"] = new JsonObject { ["id"] = "not-a-number" },
            ["chat"] = new JsonObject { ["id"] = 4, ["type"] = "chat" },
        });

        var routing = WebhookRouting.Read(body, FixtureFiles.FormContentType);

        Assert.Equal(("ONIMBOTV2MESSAGEADD", 9, "chat4"), (routing.EventType, routing.BotId, routing.DialogId));
        Assert.Throws<EventDecodingException>(() => WebhookEventDecoder.Decode(body, FixtureFiles.FormContentType));
    }

    [Theory]
    [InlineData("event=ONIMBOTV2MESSAGEADD&data=not-an-object", "data")]
    [InlineData("data%5Bbot%5D%5Bid%5D=9", "event")]
    [InlineData("event=ONIMBOTV2MESSAGEADD&data%5Bbot%5D%5Bid%5D=nine", "data.bot.id")]
    [InlineData("event=ONIMBOTV2MESSAGEADD&data%5Bbot%5D%5Bid%5D=9&data%5Buser%5D%5Bid%5D=99999999999", "data.user.id")]
    public void Read_OfABodyWithoutItsRoutingFields_NamesTheField(string body, string field)
    {
        var error = Assert.Throws<EventDecodingException>(() => WebhookRouting.Read(body, FixtureFiles.FormContentType));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OfKeysWrittenWithoutPercentEncoding_OrLongerThanAnyRoutingKey_AgreesWithTheFullDecode()
    {
        var body = "event=ONIMBOTV2JOINCHAT&data[bot][id]=9&data[dialogId]=chat+1&data%5B" + new string('x', 300) + "%5D=long";

        AssertAgrees(body, FixtureFiles.FormContentType);
        Assert.Equal("chat 1", WebhookRouting.Read(body, FixtureFiles.FormContentType).DialogId);
    }

    [Fact]
    public void Read_OfARepeatedKey_KeepsTheLastValue_AsParseStrDoes()
    {
        var body = "event=ONIMBOTV2JOINCHAT&data%5Bbot%5D%5Bid%5D=9&data%5BdialogId%5D=chat1&data%5BdialogId%5D=chat2";

        AssertAgrees(body, FixtureFiles.FormContentType);
        Assert.Equal("chat2", WebhookRouting.Read(body, FixtureFiles.FormContentType).DialogId);
    }

    [Theory]
    [InlineData("onimbotv2messageadd", "ONIMBOTV2MESSAGEADD", "7")]
    [InlineData("ONIMBOTV2DELETE", "ONIMBOTV2DELETE", null)]
    [InlineData("ONIMBOTV2SOMETHINGNEW", "ONIMBOTV2SOMETHINGNEW", null)]
    [InlineData("onImBotV2SomethingNew", "onImBotV2SomethingNew", null)]
    public void Read_GivesTheCanonicalType_AndADialogOnlyToChatEvents(string wireType, string type, string? dialogId)
    {
        var body = Form(wireType, new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = 9 },
            ["chat"] = new JsonObject { ["id"] = 3, ["type"] = "private" },
            ["user"] = new JsonObject { ["id"] = 7 },
        });

        var routing = WebhookRouting.Read(body, FixtureFiles.FormContentType);

        Assert.Equal((type, dialogId), (routing.EventType, routing.DialogId));
        AssertAgrees(body, FixtureFiles.FormContentType);
    }

    [Fact]
    public void Read_OfAnApplicationBotsEvent_GivesItsAccessToken_WithoutPrintingIt()
    {
        var body = Form(MessageAdded.WireType, new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = 9, ["auth"] = new JsonObject { ["access_token"] = "FAKEACCESSTOKEN", ["expires_in"] = 3600 } },
        });

        var access = WebhookRouting.Read(body, FixtureFiles.FormContentType).BotAccess;

        Assert.Equal(("FAKEACCESSTOKEN", TimeSpan.FromHours(1)), (access?.Token, access?.ExpiresIn));
        Assert.DoesNotContain("FAKEACCESSTOKEN", access!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expires", "99999999999999")]
    [InlineData("expires_in", "-5")]
    [InlineData("expires_in", "soon")]
    public void Read_OfAnAccessTokenWithAnUnreadableExpiry_LeavesTheTokenOut_AndStillRoutes(string field, string value)
    {
        var body = Form(MessageAdded.WireType, new JsonObject
        {
            ["bot"] = new JsonObject { ["id"] = 9, ["auth"] = new JsonObject { ["access_token"] = "FAKEACCESSTOKEN", [field] = value } },
        });

        var routing = WebhookRouting.Read(body, FixtureFiles.FormContentType);

        Assert.Equal((9, (EventAccessToken?)null), (routing.BotId, routing.BotAccess));
    }

    internal static void AssertAgrees(string body, string contentType)
    {
        var delivery = WebhookEventDecoder.Decode(body, contentType);
        var routing = WebhookRouting.Read(body, contentType);

        Assert.Equal(delivery.Event.Type, routing.EventType);
        Assert.Equal(delivery.Event.Bot.Id, routing.BotId);
        Assert.Equal(delivery.Event.DialogId, routing.DialogId);
        Assert.Equal(delivery.Auth, routing.Auth);
        Assert.Equal(delivery.Event.Bot.Auth?["access_token"]?.GetValue<string>(), routing.BotAccess?.Token);
    }

    private static string Form(string type, JsonObject data) => PhpForm.Encode(new JsonObject { ["event"] = type, ["data"] = data });
}
