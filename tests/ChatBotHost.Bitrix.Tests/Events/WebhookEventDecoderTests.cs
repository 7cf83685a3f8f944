using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Tests.Fixtures;

namespace ChatBotHost.Bitrix.Tests.Events;

public class WebhookEventDecoderTests
{
    public static TheoryData<string, Type, bool> TypedEventsInBothFormats
    {
        get
        {
            var data = new TheoryData<string, Type, bool>();
            foreach (var isForm in new[] { true, false })
            {
                data.Add("ONIMBOTV2MESSAGEADD", typeof(MessageAdded), isForm);
                data.Add("ONIMBOTV2MESSAGEUPDATE", typeof(MessageUpdated), isForm);
                data.Add("ONIMBOTV2MESSAGEDELETE", typeof(MessageDeleted), isForm);
                data.Add("ONIMBOTV2JOINCHAT", typeof(BotJoinedChat), isForm);
                data.Add("ONIMBOTV2DELETE", typeof(BotDeleted), isForm);
                data.Add("ONIMBOTV2CONTEXTGET", typeof(ContextRequested), isForm);
                data.Add("ONIMBOTV2COMMANDADD", typeof(CommandInvoked), isForm);
                data.Add("ONIMBOTV2REACTIONCHANGE", typeof(ReactionChanged), isForm);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TypedEventsInBothFormats))]
    public void Decode_EveryFixture_YieldsItsTypedEventWithAuth(string type, Type expected, bool isForm)
    {
        var delivery = isForm
            ? WebhookEventDecoder.Decode(FixtureFiles.WebhookForm(type), FixtureFiles.FormContentType)
            : WebhookEventDecoder.Decode(FixtureFiles.WebhookJson(type), FixtureFiles.JsonContentType);

        var evt = delivery.Event;
        Assert.IsType(expected, evt);
        Assert.Equal(EventSource.Webhook, evt.Source);
        Assert.Null(evt.EventId);
        Assert.StartsWith($"w:{type}:", evt.DeduplicationKey, StringComparison.Ordinal);
        Assert.Equal(456, evt.Bot.Id);
        Assert.Equal("support_bot", evt.Bot.Code);
        Assert.Equal("FAKEBOTAPPTOKEN831c", (string?)evt.Bot.Auth!["application_token"]);
        Assert.Equal(new WebhookAuth(
            "some-domain.bitrix24.com",
            "https://some-domain.bitrix24.com/rest/",
            "https://oauth.bitrix.info/rest/",
            "a223c6b3710f85df22e9377d6c4f7553",
            "TESTAPPTOKEN"), delivery.Auth);
    }

    [Fact]
    public void Decode_FormWithStringBooleans_YieldsTypedMessageAdded()
    {
        var delivery = WebhookEventDecoder.Decode(FixtureFiles.WebhookForm("ONIMBOTV2MESSAGEADD"), FixtureFiles.FormContentType);

        var evt = Assert.IsType<MessageAdded>(delivery.Event);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1736929860), evt.Date);
        Assert.Equal("en", evt.Language);
        Assert.Equal(789, evt.Message.Id);
        Assert.Equal(1, evt.Message.AuthorId);
        Assert.Equal("Hello bot!", evt.Message.Text);
        Assert.False(evt.Message.IsSystem);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.FromHours(2)), evt.Message.Date);
        Assert.Empty(evt.Message.Params);
        Assert.Null(evt.Message.Forward);
        Assert.Equal("", evt.Message.Uuid);
        Assert.True(evt.Chat.TextFieldEnabled);
        Assert.Equal(5, evt.Chat.Id);
        Assert.True(evt.User.Active);
        Assert.False(evt.User.Bot);
        Assert.Equal([1, 7], evt.User.Departments);
        Assert.Equal("chat5", evt.DialogId);
    }

    [Fact]
    public void Decode_FormWithOmittedNullsAndEmptyLists_YieldsDefaults()
    {
        var delivery = WebhookEventDecoder.Decode(FixtureFiles.WebhookForm("ONIMBOTV2MESSAGEUPDATE"), FixtureFiles.FormContentType);

        var evt = Assert.IsType<MessageUpdated>(delivery.Event);
        Assert.Equal("Привет, мир! & 100% <ok>", evt.Message.Text);
        Assert.Equal("Y", (string?)evt.Message.Params["IS_EDITED"]);
        Assert.Equal("13", (string?)evt.Message.Params["FILE_ID"]!["1"]);
        Assert.Null(evt.Chat.Color);
        Assert.Equal("Team \"A\" + friends", evt.Chat.Description);
        Assert.Empty(evt.User.Departments);
    }

    [Fact]
    public void Decode_FormReaction_ReadsTrueFromOne()
    {
        var evt = Assert.IsType<ReactionChanged>(
            WebhookEventDecoder.Decode(FixtureFiles.WebhookForm("ONIMBOTV2REACTIONCHANGE"), FixtureFiles.FormContentType).Event);

        Assert.Equal("like", evt.Reaction);
        Assert.Equal("add", evt.Action);
        Assert.True(evt.Message.ViewedByOthers);
        Assert.Equal(456, evt.Message.AuthorId);
    }

    [Fact]
    public void Decode_FormCommand_ReadsCommandWithPlusAndSpaces()
    {
        var evt = Assert.IsType<CommandInvoked>(
            WebhookEventDecoder.Decode(FixtureFiles.WebhookForm("ONIMBOTV2COMMANDADD"), FixtureFiles.FormContentType).Event);

        Assert.Equal(78, evt.CommandId);
        Assert.Equal("/help", evt.Command);
        Assert.Equal("topic a+b c", evt.Params);
        Assert.Equal("keyboard", evt.Context);
        Assert.Equal("/help topic a+b c", evt.Message.Text);
        Assert.Equal("700", (string?)evt.Message.Forward!["id"]);
    }

    [Fact]
    public void Decode_FormContext_KeepsStringifiedUserData()
    {
        var evt = Assert.IsType<ContextRequested>(
            WebhookEventDecoder.Decode(FixtureFiles.WebhookForm("ONIMBOTV2CONTEXTGET"), FixtureFiles.FormContentType).Event);

        Assert.Equal("1", evt.ExplicitDialogId);
        Assert.Equal("164", (string?)evt.Context["entityId"]);
        Assert.Equal("1", (string?)evt.Context["flags"]!["urgent"]);
        Assert.False(evt.Context.ContainsKey("note"));
    }

    [Fact]
    public void Decode_FormDelete_YieldsBotOnly()
    {
        var evt = Assert.IsType<BotDeleted>(
            WebhookEventDecoder.Decode(FixtureFiles.WebhookForm("ONIMBOTV2DELETE"), FixtureFiles.FormContentType).Event);

        Assert.Equal(456, evt.Bot.Id);
        Assert.Null(evt.DialogId);
        Assert.Equal("w:ONIMBOTV2DELETE:438b39ddd0ce0c978013207ced312c4b", evt.DeduplicationKey);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", true)]
    [InlineData("application/json; charset=utf-8", false)]
    [InlineData("application/x-www-form-urlencoded; charset=UTF-8", true)]
    [InlineData("APPLICATION/X-WWW-FORM-URLENCODED", true)]
    [InlineData(null, true)]
    [InlineData("text/plain", false)]
    public void Decode_ByContentTypeOrBodyShape_ReadsBothEncodings(string? contentType, bool isForm)
    {
        var body = isForm ? FixtureFiles.WebhookForm("ONIMBOTV2MESSAGEADD") : FixtureFiles.WebhookJson("ONIMBOTV2MESSAGEADD");

        var evt = Assert.IsType<MessageAdded>(WebhookEventDecoder.Decode(body, contentType).Event);

        Assert.Equal(789, evt.Message.Id);
    }

    [Fact]
    public void Decode_LowerCaseEventName_MatchesTheKnownType()
    {
        var body = FixtureFiles.WebhookForm("ONIMBOTV2MESSAGEADD").Replace("event=ONIMBOTV2MESSAGEADD", "event=onimbotv2messageadd", StringComparison.Ordinal);

        var evt = WebhookEventDecoder.Decode(body, FixtureFiles.FormContentType).Event;

        Assert.IsType<MessageAdded>(evt);
        Assert.Equal(MessageAdded.WireType, evt.Type);
    }

    [Fact]
    public void Decode_UnknownEventName_YieldsUnknownEventWithoutBotTokens()
    {
        var body = FixtureFiles.WebhookForm("ONIMBOTV2MESSAGEADD").Replace("event=ONIMBOTV2MESSAGEADD", "event=ONIMBOTV2SOMETHINGNEW", StringComparison.Ordinal);

        var evt = Assert.IsType<UnknownEvent>(WebhookEventDecoder.Decode(body, FixtureFiles.FormContentType).Event);

        Assert.Equal("ONIMBOTV2SOMETHINGNEW", evt.WireName);
        Assert.Equal(456, evt.Bot.Id);
        Assert.NotNull(evt.Bot.Auth);
        Assert.Equal("Hello bot!", (string?)evt.Data["message"]!["text"]);
        Assert.Null(evt.Data["bot"]!["auth"]);
        Assert.Matches("^w:ONIMBOTV2SOMETHINGNEW:[0-9a-f]{32}$", evt.DeduplicationKey);
    }

    [Fact]
    public void Decode_UnknownEventWithOddFields_StillYieldsUnknownEvent()
    {
        var evt = WebhookEventDecoder.Decode("event=ONIMV2X&data[bot][id]=abc&data[language][x]=1", FixtureFiles.FormContentType).Event;

        var unknown = Assert.IsType<UnknownEvent>(evt);
        Assert.Equal(0, unknown.Bot.Id);
        Assert.Null(unknown.Language);
    }

    [Fact]
    public void Decode_BodyWithoutAuth_YieldsNullAuth()
    {
        var delivery = WebhookEventDecoder.Decode("event=ONIMBOTV2DELETE&data[bot][id]=9", null);

        Assert.Null(delivery.Auth);
        Assert.Null(delivery.Event.Date);
        Assert.Equal(9, delivery.Event.Bot.Id);
    }

    [Fact]
    public void ToString_OfEveryDelivery_NeverShowsTokens()
    {
        foreach (var type in FixtureFiles.AllTypes)
        {
            foreach (var delivery in new[]
            {
                WebhookEventDecoder.Decode(FixtureFiles.WebhookForm(type), FixtureFiles.FormContentType),
                WebhookEventDecoder.Decode(FixtureFiles.WebhookJson(type), FixtureFiles.JsonContentType),
            })
            {
                var text = delivery.ToString();

                Assert.Contains("(redacted)", text, StringComparison.Ordinal);
                Assert.Contains("a223c6b3710f85df22e9377d6c4f7553", text, StringComparison.Ordinal);
                Assert.All(FixtureFiles.Secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
            }
        }
    }
}
