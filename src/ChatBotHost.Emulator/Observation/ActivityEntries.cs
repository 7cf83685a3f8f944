using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Delivery;
using ChatBotHost.Emulator.Portal.State;
using ChatBotHost.Emulator.Rest;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Observation;

/// <summary>Builds the panel's entries where things happen: masked at once, so the feed never holds a secret.</summary>
internal static class ActivityEntries
{
    private const string EventGet = "imbot.v2.Event.get";

    public static void Call(ActivityFeed feed, string method, JsonObject parameters, RestOutcome outcome, bool inBatch)
    {
        if (!feed.IsEnabled)
        {
            return;
        }

        // Pollers ask every second or faster; empty answers would bury everything else.
        if (outcome.Succeeded && string.Equals(method, EventGet, StringComparison.OrdinalIgnoreCase)
            && outcome.Result?["events"] is JsonArray { Count: 0 })
        {
            return;
        }

        // Not outcome.Body(): that adopts the result node, which the HTTP answer is still to be written from.
        var answer = outcome.Succeeded ? new JsonObject { ["result"] = outcome.Result?.DeepClone() } : outcome.ErrorJson();
        var body = new JsonObject { ["params"] = SecretMask.Json(parameters), ["answer"] = SecretMask.Json(answer) };
        var botId = new RestParams(parameters).Int("botId");
        feed.Add(sequence => new ActivityEntry(sequence, ActivityEntry.RestKind, inBatch ? method + " (in batch)" : method, outcome.Finish)
        {
            BotId = botId,
            Status = outcome.Status,
            Error = outcome.Error,
            Body = Frozen(body),
        });
    }

    public static void FetchEvent(PortalState state, BotState bot, QueuedEvent queued)
    {
        if (!state.Activity.IsEnabled)
        {
            return;
        }

        var body = SecretMask.Json(new JsonObject
        {
            ["eventId"] = queued.EventId,
            ["type"] = queued.Type,
            ["date"] = WireDate.Format(queued.Date),
            ["data"] = queued.Data.DeepClone(),
        });
        state.Activity.Add(sequence => new ActivityEntry(sequence, ActivityEntry.EventKind, $"{queued.Type} → {bot.Code} (fetch queue)", state.Now)
        {
            BotId = bot.Id,
            Body = Frozen(body),
        });
    }

    public static void WebhookEvent(PortalState state, BotState bot, string type, JsonObject payload, string form)
    {
        if (!state.Activity.IsEnabled)
        {
            return;
        }

        var body = SecretMask.Json(payload);
        var raw = SecretMask.Form(form);
        state.Activity.Add(sequence => new ActivityEntry(sequence, ActivityEntry.EventKind, $"{type} → {bot.Code} (webhook POST)", state.Now)
        {
            BotId = bot.Id,
            Body = Frozen(body),
            Raw = raw,
        });
    }

    /// <summary>An application event the portal POSTed (or could not: no handler bound), with its masked payload.</summary>
    public static void AppEvent(PortalState state, JsonObject payload, int? status, string? failure)
    {
        if (!state.Activity.IsEnabled)
        {
            return;
        }

        var type = payload["event"]?.GetValue<string>() ?? "";
        var body = SecretMask.Json(payload);
        state.Activity.Add(sequence => new ActivityEntry(sequence, ActivityEntry.DeliveryKind, $"{type} POST to the application", state.Now)
        {
            Status = status,
            Error = failure ?? (status is >= 200 and < 300 ? null : "not accepted"),
            Body = Frozen(body),
        });
    }

    private static JsonElement? Frozen(JsonNode? body) => body is null ? null : JsonSerializer.SerializeToElement(body);

    public static void WebhookOutcome(ActivityFeed feed, WebhookDelivery delivery) =>
        feed.Add(sequence => new ActivityEntry(sequence, ActivityEntry.DeliveryKind, $"{delivery.EventType} POST to {delivery.BotCode}", delivery.Timestamp)
        {
            BotId = delivery.BotId,
            Status = delivery.StatusCode,
            Error = delivery.Succeeded ? null : delivery.Failure ?? "not accepted",
        });

    public static void Typing(PortalState state, BotState bot, ChatState chat, int seconds, string? status) =>
        state.Activity.Add(sequence => new ActivityEntry(sequence, ActivityEntry.TypingKind, status ?? "typing", state.Now)
        {
            BotId = bot.Id,
            ChatId = chat.Id,
            Seconds = seconds,
        });
}
