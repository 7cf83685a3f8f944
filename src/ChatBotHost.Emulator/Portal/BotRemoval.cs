using ChatBotHost.Emulator.Delivery;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Portal;

/// <summary>Unregistering a bot: ONIMBOTV2DELETE is its last event, then the bot, its commands and its queue are gone.</summary>
internal static class BotRemoval
{
    /// <summary>Call under the portal lock; the task completes when the DELETE event was delivered (webhook mode).</summary>
    public static Task Remove(PortalState state, BotState bot)
    {
        // Published first so that the lane sends it after everything queued before, and nothing can follow.
        var delivery = EventPublisher.Publish(state, bot, EventTypes.Delete, []);
        state.Bots.Remove(bot.Id);
        foreach (var command in state.CommandsOf(bot.Id))
        {
            state.Commands.Remove(command.Id);
        }

        foreach (var chat in state.Chats.Values.Where(c => !c.IsPrivate))
        {
            chat.Members.Remove(bot.Id);
        }

        return delivery;
    }
}
