using System.Globalization;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Rest;

/// <summary>Resolves a dialog id as a bot writes it (spec §3): "chat{N}", or a user's id for the 1:1 with that user.</summary>
internal static class DialogAccess
{
    public static ChatState ForBot(PortalState state, BotState bot, string? dialogId, bool requireMember = true)
    {
        if (string.IsNullOrWhiteSpace(dialogId))
        {
            throw new RestException("DIALOG_ID_EMPTY", "Dialog ID can't be empty");
        }

        if (dialogId.StartsWith("chat", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(dialogId.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var chatId))
        {
            var chat = state.FindChat(chatId);
            return chat is not null && (!requireMember || chat.HasMember(bot.Id))
                ? chat
                : throw RestException.AccessDenied("The bot is not a member of this chat");
        }

        if (int.TryParse(dialogId, NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
            && state.FindUser(userId) is { IsBot: false })
        {
            // A bot may write to any user; the 1:1 chat comes into being with the first message.
            return state.FindPrivateChat(userId, bot.Id) ?? state.CreatePrivateChat(userId, bot.Id);
        }

        throw RestException.AccessDenied("Dialog not found or not accessible to the bot");
    }
}
