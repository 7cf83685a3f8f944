using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Rest;

/// <summary>Stores a message a bot posts; system messages carry authorId 0 (spec §6.1).</summary>
internal static class BotPosting
{
    public static EmulatedMessage Post(
        PortalState state, BotState bot, ChatState chat, MessageContent content, bool system, bool viaCommandAnswer, string uuid = "",
        int? replyId = null, int? forwardedFromId = null, IReadOnlyList<EmulatedFile>? files = null)
    {
        var message = new EmulatedMessage(
            state.TakeMessageId(), chat.Id, chat.UserDialogId, system ? 0 : bot.Id, content.Text ?? "",
            content.Keyboard, content.Attach, system, viaCommandAnswer, state.Now)
        {
            PostedByBotId = bot.Id,
            Uuid = uuid,
            ReplyId = replyId,
            ForwardedFromId = forwardedFromId,
            Files = files ?? [],
        };
        state.Store(message);
        bot.CountMessage++;
        return message;
    }
}
