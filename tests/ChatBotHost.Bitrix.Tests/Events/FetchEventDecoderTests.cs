using System.Text.Json;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Tests.Fixtures;

namespace ChatBotHost.Bitrix.Tests.Events;

public class FetchEventDecoderTests
{
    private static readonly TimeSpan Plus2 = TimeSpan.FromHours(2);

    public static TheoryData<string, Type> TypedEvents => new()
    {
        { "ONIMBOTV2MESSAGEADD", typeof(MessageAdded) },
        { "ONIMBOTV2MESSAGEUPDATE", typeof(MessageUpdated) },
        { "ONIMBOTV2MESSAGEDELETE", typeof(MessageDeleted) },
        { "ONIMBOTV2JOINCHAT", typeof(BotJoinedChat) },
        { "ONIMBOTV2DELETE", typeof(BotDeleted) },
        { "ONIMBOTV2CONTEXTGET", typeof(ContextRequested) },
        { "ONIMBOTV2COMMANDADD", typeof(CommandInvoked) },
        { "ONIMBOTV2REACTIONCHANGE", typeof(ReactionChanged) },
    };

    [Theory]
    [MemberData(nameof(TypedEvents))]
    public void Decode_EveryFixture_YieldsItsTypedEventWithEnvelope(string type, Type expected)
    {
        var evt = FetchEventDecoder.Decode(FixtureFiles.Fetch(type));

        Assert.IsType(expected, evt);
        Assert.Equal(type, evt.Type);
        Assert.Equal(EventSource.Fetch, evt.Source);
        Assert.NotNull(evt.EventId);
        Assert.Equal($"e:{evt.EventId}", evt.DeduplicationKey);
        Assert.Equal(456, evt.Bot.Id);
        Assert.Equal("support_bot", evt.Bot.Code);
        Assert.Equal("fetch", evt.Bot.EventMode);
        Assert.Null(evt.Bot.Auth);
    }

    [Fact]
    public void Decode_MessageAdd_ReadsEveryTypedField()
    {
        var evt = Assert.IsType<MessageAdded>(FetchEventDecoder.Decode(FixtureFiles.Fetch("ONIMBOTV2MESSAGEADD")));

        Assert.Equal(1002, evt.EventId);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 31, 0, Plus2), evt.Date);
        Assert.True(evt.Bot.IsReactionsEnabled);
        Assert.False(evt.Bot.IsHidden);
        Assert.Null(evt.Bot.BackgroundId);
        Assert.Equal("en", evt.Language);
        Assert.Equal(789, evt.Message.Id);
        Assert.Equal(5, evt.Message.ChatId);
        Assert.Equal("Hello bot!", evt.Message.Text);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 10, 30, 0, Plus2), evt.Message.Date);
        Assert.Empty(evt.Message.Params);
        Assert.Null(evt.Message.Forward);
        Assert.Equal("chat5", evt.Chat.DialogId);
        Assert.True(evt.Chat.TextFieldEnabled);
        Assert.True(evt.User.Active);
        Assert.Equal([1, 7], evt.User.Departments);
        Assert.Equal("chat5", evt.DialogId);
    }

    [Fact]
    public void Decode_Command_ReadsTheCommandObject()
    {
        var evt = Assert.IsType<CommandInvoked>(FetchEventDecoder.Decode(FixtureFiles.Fetch("ONIMBOTV2COMMANDADD")));

        Assert.Equal(78, evt.CommandId);
        Assert.Equal("/help", evt.Command);
        Assert.Equal("help", evt.Name);
        Assert.Equal("topic a+b c", evt.Params);
        Assert.Equal("keyboard", evt.Context);
        Assert.Equal(790, evt.Message.Id);
        Assert.Equal(700, (int?)evt.Message.Forward!["id"]);
    }

    [Fact]
    public void Decode_EnvelopeWithDigitStrings_ReadsNumbers()
    {
        var item = JsonDocument.Parse("""{"eventId":"17","type":"ONIMBOTV2MESSAGEDELETE","date":"","data":{"bot":{"id":"456"},"messageId":"33"}}""").RootElement;

        var evt = Assert.IsType<MessageDeleted>(FetchEventDecoder.Decode(item));

        Assert.Equal(17, evt.EventId);
        Assert.Null(evt.Date);
        Assert.Equal(33, evt.MessageId);
        Assert.Equal(456, evt.Bot.Id);
    }

    [Fact]
    public void Decode_UnknownType_YieldsUnknownEventKeepingNameAndData()
    {
        var item = JsonDocument.Parse("""{"eventId":5,"type":"ONIMV2SOMETHINGNEW","date":"2025-01-15T10:31:00+02:00","data":{"foo":{"bar":1}}}""").RootElement;

        var evt = Assert.IsType<UnknownEvent>(FetchEventDecoder.Decode(item));

        Assert.Equal("ONIMV2SOMETHINGNEW", evt.WireName);
        Assert.Equal("ONIMV2SOMETHINGNEW", evt.Type);
        Assert.Equal(1, (int?)evt.Data["foo"]!["bar"]);
        Assert.Equal(0, evt.Bot.Id);
    }

    [Theory]
    [InlineData("[1,2]", null)]
    [InlineData("""{"eventId":1,"data":{}}""", "type")]
    [InlineData("""{"eventId":1,"type":"ONIMBOTV2MESSAGEADD"}""", "data")]
    [InlineData("""{"eventId":1,"type":"ONIMBOTV2MESSAGEADD","data":"oops"}""", "data")]
    [InlineData("""{"eventId":"x1","type":"ONIMBOTV2MESSAGEADD","data":{}}""", "eventId")]
    [InlineData("""{"eventId":1,"type":"ONIMBOTV2MESSAGEADD","data":{"message":{"id":"abc"}}}""", "data.message.id")]
    [InlineData("""{"eventId":1,"type":"ONIMBOTV2COMMANDADD","data":{"command":{"id":{}}}}""", "data.command.id")]
    [InlineData("""{"eventId":1,"type":"ONIMBOTV2MESSAGEADD","data":{"user":{"departments":"1,2"}}}""", "data.user.departments")]
    public void Decode_Malformed_ThrowsNamingTheField(string json, string? field)
    {
        var item = JsonDocument.Parse(json).RootElement;

        var exception = Assert.Throws<EventDecodingException>(() => FetchEventDecoder.Decode(item));

        Assert.Equal(field, exception.Field);
        if (field is not null)
        {
            Assert.Contains($"'{field}'", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Decode_EventNamingAPropertyTwice_ThrowsADecodingError()
    {
        using var document = JsonDocument.Parse("""{"eventId":5,"type":"ONIMBOTV2MESSAGEADD","type":"ONIMBOTV2DELETE","data":{"bot":{"id":1}}}""");

        Assert.Throws<EventDecodingException>(() => FetchEventDecoder.Decode(document.RootElement));
    }
}
