using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Delivery;

/// <summary>
/// Records ONIMV2* user events (spec §4.9) for each subscribed member of the chat: the bot events' data without the bot.
/// Only what users do is recorded (messages, edits, deletions, reactions) [infer: what the portal records for bots'
/// own messages is not documented]; the ids come from the same counter as bot events, so one offset acks both.
/// </summary>
internal static class UserEventPublisher
{
    public static void Publish(PortalState state, ChatState chat, string type, JsonObject data)
    {
        foreach (var member in chat.Members)
        {
            if (state.UserEventQueues.TryGetValue(member, out var queue))
            {
                queue.Add(new QueuedEvent(state.NextEventId++, type, state.Now, data.DeepClone().AsObject()));
                state.FetchEventQueued?.Invoke(null);
            }
        }
    }
}
