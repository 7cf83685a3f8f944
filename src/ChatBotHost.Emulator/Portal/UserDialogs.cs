using System.Globalization;
using ChatBotHost.Emulator.Delivery;
using ChatBotHost.Emulator.Portal.State;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Portal;

/// <summary>Resolves a dialog id as a human user writes it; opening a private chat with a bot greets the bot (JOINCHAT).</summary>
internal static class UserDialogs
{
    public static ChatState Open(PortalState state, EmulatedUser user, string dialogId, List<Task> deliveries)
    {
        if (dialogId.StartsWith("chat", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(dialogId.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var chatId))
        {
            var chat = Require.Chat(state, chatId);
            Require.Member(chat, user.Id);
            return chat;
        }

        if (int.TryParse(dialogId, NumberStyles.None, CultureInfo.InvariantCulture, out var botId))
        {
            var bot = Require.Bot(state, botId);
            return state.FindPrivateChat(user.Id, bot.Id) ?? OpenPrivate(state, user, bot, deliveries);
        }

        throw new ArgumentException($"'{dialogId}' is neither a bot id nor chat{{N}}.", nameof(dialogId));
    }

    /// <summary>Finds or creates the user↔bot chat and sends the bot JOINCHAT, as opening the dialog in the UI does.</summary>
    public static ChatState OpenPrivate(PortalState state, EmulatedUser user, BotState bot, List<Task> deliveries)
    {
        var chat = state.FindPrivateChat(user.Id, bot.Id) ?? state.CreatePrivateChat(user.Id, bot.Id);
        var data = EventData.Joined(chat, user, state.Settings.Language);
        deliveries.Add(EventPublisher.Publish(state, bot, EventTypes.JoinChat, data));
        return chat;
    }
}
