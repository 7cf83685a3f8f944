using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Emulator.Portal.State;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Delivery;

/// <summary>
/// Hands an event to a bot in its event mode: fetch → its queue with the next eventId; webhook → its lane.
/// Called under the portal lock; the returned task completes once the event is queued or POSTed.
/// </summary>
internal static class EventPublisher
{
    public static Task Publish(PortalState state, BotState bot, string type, JsonObject data)
    {
        if (bot.IsWebhook && bot.WebhookUrl is not null)
        {
            var payload = WebhookPayload.Build(state, bot, type, data);
            return bot.Lane.Enqueue(new WebhookJob(bot.Id, bot.Code, type, bot.WebhookUrl, PhpForm.Encode(payload)));
        }

        var full = new JsonObject { ["bot"] = BotJson.Extended(bot, state) };
        foreach (var (key, value) in data)
        {
            full[key] = value?.DeepClone();
        }

        bot.Queue.Add(new QueuedEvent(state.NextEventId++, type, state.Now, full));
        return Task.CompletedTask;
    }
}
