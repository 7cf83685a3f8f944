using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Bitrix.Tests.Events;

/// <summary>ONIMV2* user events: the bot events' data without the bot (spec §4.9), typed like them.</summary>
public class UserEventDecodingTests
{
    private const string MessageData = """
        {"message":{"id":"789","chatId":"5","authorId":"1","text":"hi"},"chat":{"id":"5","dialogId":"chat5","type":"chat"},
         "user":{"id":"1","name":"Ann"},"language":"en"}
        """;

    [Theory]
    [InlineData("ONIMV2MESSAGEADD", typeof(UserMessageAdded))]
    [InlineData("onimv2messageupdate", typeof(UserMessageUpdated))]
    [InlineData("ONIMV2REACTIONCHANGE", typeof(UserReactionChanged))]
    [InlineData("ONIMV2JOINCHAT", typeof(UserJoinedChat))]
    public void Create_UserEventWithoutBot_IsTypedAndBelongsToTheChat(string wireType, Type expected)
    {
        var evt = EventFactory.Create(wireType, JsonNode.Parse(MessageData)!.AsObject(), EventSource.Fetch, eventId: 12);

        Assert.IsType(expected, evt);
        Assert.Equal("chat5", evt.DialogId);
        Assert.Equal(0, evt.Bot.Id);
        Assert.Equal("e:12", evt.DeduplicationKey);
    }

    [Fact]
    public void Create_UserMessageAdded_CarriesTheMessageAndItsAuthor()
    {
        var evt = (UserMessageAdded)EventFactory.Create("ONIMV2MESSAGEADD", JsonNode.Parse(MessageData)!.AsObject(), EventSource.Fetch, eventId: 1);

        Assert.Equal((789, "hi", 1), (evt.Message.Id, evt.Message.Text, evt.User.Id));
    }

    [Fact]
    public void Create_UserMessageDeleted_ReadsTheMessageId()
    {
        var data = JsonNode.Parse("""{"messageId":"790","chat":{"id":"5","dialogId":"chat5"},"user":{"id":"1"},"language":"en"}""")!.AsObject();

        var evt = Assert.IsType<UserMessageDeleted>(EventFactory.Create("ONIMV2MESSAGEDELETE", data, EventSource.Fetch, eventId: 2));

        Assert.Equal(790, evt.MessageId);
    }
}
