using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Abstractions.Tests.Turns;

public class MessageFiltersTests
{
    [Theory]
    [InlineData("chat", "chat5", "just talking", false)]
    [InlineData("chat", "chat5", "[USER=456]Helper[/USER] what now?", true)]
    [InlineData("chat", "chat5", "[user=456]helper[/user] lower case", true)]
    [InlineData("chat", "chat5", "[USER=4567]Someone else[/USER]", false)]
    [InlineData("private", "1", "no mention needed", true)]
    public void AddressedToBot_MentionOrPrivateChat(string chatType, string dialogId, string text, bool expected)
    {
        var message = Message(chatType, dialogId, text, authorId: 1);

        Assert.Equal(expected, MessageFilters.AddressedToBot(message));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(456, false)]
    public void NotOwn_SkipsTheBotsOwnMessages(int authorId, bool expected)
    {
        Assert.Equal(expected, MessageFilters.NotOwn(Message("chat", "chat5", "[USER=456]x[/USER]", authorId)));
        Assert.Equal(expected, MessageFilters.AddressedToBotNotOwn(Message("chat", "chat5", "[USER=456]x[/USER]", authorId)));
    }

    private static MessageAdded Message(string chatType, string dialogId, string text, int authorId) => new()
    {
        Bot = new BotInfo { Id = 456 },
        Chat = new Chat { Id = 5, Type = chatType, DialogId = dialogId },
        User = new User { Id = authorId },
        Message = new Message { Id = 9, AuthorId = authorId, Text = text },
    };
}
