using System.Globalization;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Testing;

/// <summary>Builds the events a user causes in a private chat with the bot, shaped as the fetch decoder would produce them.</summary>
internal sealed class UserEvents(BotTestHost host, int userId)
{
    public string DialogId { get; } = userId.ToString(CultureInfo.InvariantCulture);

    // A private chat's id differs from the user's on a real portal; any stable number will do.
    private int ChatId => 5000 + userId;

    public MessageAdded Message(string text) => new()
    {
        Source = EventSource.Fetch,
        EventId = host.NextEventId(),
        Date = host.Clock.GetUtcNow(),
        Bot = BotInfo,
        Language = host.Options.Language,
        Chat = Chat,
        User = User,
        Message = new Message { Id = host.Portal.NextMessageId(), ChatId = ChatId, AuthorId = userId, Text = text, Date = host.Clock.GetUtcNow() },
    };

    /// <summary>A typed /command, or a button press (context keyboard) on the bot's message.</summary>
    public CommandInvoked Command(string name, string parameters, string context, int messageId)
    {
        var command = name.TrimStart('/').ToLowerInvariant();
        if (!host.Bot.Registration!.CommandIds.TryGetValue(command, out var commandId))
        {
            throw new ConversationAssertionException($"Bot '{host.Bot.Code}' declares no command /{command}.");
        }

        return new CommandInvoked
        {
            Source = EventSource.Fetch,
            EventId = host.NextEventId(),
            Date = host.Clock.GetUtcNow(),
            Bot = BotInfo,
            Language = host.Options.Language,
            Chat = Chat,
            User = User,
            CommandId = commandId,
            Command = "/" + command,
            Params = parameters,
            Context = context,
            Message = new Message { Id = messageId, ChatId = ChatId, AuthorId = userId, Text = $"/{command} {parameters}".TrimEnd() },
        };
    }

    private BotInfo BotInfo => new() { Id = host.Bot.BotId, Code = host.Bot.Code, Language = host.Options.Language };

    private Chat Chat => new() { Id = ChatId, DialogId = DialogId, Type = "private" };

    private User User => new() { Id = userId, Active = true, Name = $"User {userId}" };
}
