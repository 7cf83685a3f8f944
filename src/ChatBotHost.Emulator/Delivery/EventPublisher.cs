using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Emulator.Observation;
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
            var form = PhpForm.Encode(payload);
            ActivityEntries.WebhookEvent(state, bot, type, payload, form);
            var posted = bot.Lane.Enqueue(new WebhookJob(bot.Id, bot.Code, type, bot.WebhookUrl, form));
            return state.Activity.IsEnabled ? ShowOutcomeAsync(state.Activity, posted) : posted;
        }

        var full = new JsonObject { ["bot"] = BotJson.Extended(bot, state) };
        foreach (var (key, value) in data)
        {
            full[key] = value?.DeepClone();
        }

        var queued = new QueuedEvent(state.NextEventId++, type, state.Now, full);
        bot.Queue.Add(queued);
        ActivityEntries.FetchEvent(state, bot, queued);
        state.FetchEventQueued?.Invoke(bot.Id);
        return Task.CompletedTask;
    }

    private static async Task ShowOutcomeAsync(ActivityFeed feed, Task<WebhookDelivery> posted) =>
        ActivityEntries.WebhookOutcome(feed, await posted);
}
