using System.Globalization;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Abstractions.Declaration;

/// <summary>
/// Conditions for <see cref="BotBuilder.OnMessage"/> of bots that see every message of a group chat (supervisor,
/// personal; spec §3): <c>.OnMessage(handler, MessageFilters.AddressedToBot)</c>.
/// </summary>
public static class MessageFilters
{
    /// <summary>
    /// The message is for the bot: written in its private chat, or mentioning it ([USER=id]…[/USER], as the messenger
    /// writes a mention). A reply to one of the bot's messages is not recognised: the event does not say whose message
    /// was quoted.
    /// </summary>
    public static bool AddressedToBot(MessageAdded message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var botId = message.Bot.Id.ToString(CultureInfo.InvariantCulture);
        // A private chat's dialogId is the user's id; group chats are "chat{N}".
        var isPrivate = string.Equals(message.Chat.Type, "private", StringComparison.OrdinalIgnoreCase)
            || message.DialogId is { Length: > 0 } dialog && !dialog.StartsWith("chat", StringComparison.OrdinalIgnoreCase);
        return isPrivate || message.Message.Text.Contains($"[USER={botId}]", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The message was not written by the bot itself (a supervisor bot also sees its own messages).</summary>
    public static bool NotOwn(MessageAdded message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Bot.Id == 0 || (message.Message.AuthorId != message.Bot.Id && message.User.Id != message.Bot.Id);
    }

    /// <summary>Both: for the bot, and not by it.</summary>
    public static bool AddressedToBotNotOwn(MessageAdded message) => AddressedToBot(message) && NotOwn(message);
}
