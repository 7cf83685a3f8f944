using System.Text.Json;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Confirmation;
using ChatBotHost.Hosting;
using ChatBotHost.State;

namespace ChatBotHost.Inbox;

/// <summary>Turns a queued event back into the typed event, with the same decoders the intake uses.</summary>
internal static class InboxEventReader
{
    /// <exception cref="EventDecodingException">The payload cannot be decoded.</exception>
    public static BotEvent Read(InboxItem item, HostedBot bot)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(bot);
        return item.Source switch
        {
            InboxItem.Sources.Fetch => ReadFetched(item.Payload),
            InboxItem.Sources.Webhook => WebhookEventDecoder.Decode(item.Payload, item.ContentType).Event,
            InboxItem.Sources.Timer => TimerFiredJson.Deserialize(item.Payload, new BotInfo { Id = bot.BotId, Code = bot.Code }),
            InboxItem.Sources.Confirmation => MethodConfirmDecidedJson.Deserialize(item.Payload, new BotInfo { Id = bot.BotId, Code = bot.Code }),
            _ => throw new EventDecodingException($"A queued event has an unknown source '{item.Source}'."),
        };
    }

    private static BotEvent ReadFetched(string json)
    {
        JsonElement element;
        try
        {
            // Deserialized rather than parsed into a JsonDocument: the element owns its memory, nothing to dispose.
            element = JsonSerializer.Deserialize<JsonElement>(json);
        }
        catch (JsonException ex)
        {
            throw new EventDecodingException("A queued fetch event is not valid JSON.", ex);
        }

        return FetchEventDecoder.Decode(element);
    }
}
