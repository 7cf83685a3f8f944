using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Events;

/// <summary>Decodes the events returned by imbot.v2.Event.get (fetch mode, spec §5.2).</summary>
public static class FetchEventDecoder
{
    /// <summary>Decodes one element of result.events[]: {eventId, type, date, data}.</summary>
    /// <exception cref="EventDecodingException">The element is not an event or a field cannot be read.</exception>
    public static BotEvent Decode(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new EventDecodingException("A fetched event must be a JSON object.");
        }

        try
        {
            // The element was parsed within System.Text.Json's default depth of 64; its count of values is checked
            // here, before any tree is built from it, so a fetched event is held to the same limits as a webhook body.
            LimitedJson.Check(item, FormLimits.Default);
            var envelope = JsonObject.Create(item)!;
            var type = EventFields.Require<string>(envelope, "type", "");
            var data = EventFields.Require<JsonObject>(envelope, "data", "");
            return EventFactory.Create(
                type,
                data,
                EventSource.Fetch,
                EventFields.Read<long?>(envelope, "eventId", ""),
                EventFields.Read<DateTimeOffset?>(envelope, "date", ""));
        }
        catch (PhpFormLimitException ex)
        {
            throw new EventDecodingException($"A fetched event is refused: {ex.Message}.", ex);
        }
        catch (ArgumentException ex)
        {
            // JsonObject builds its dictionary on first access and throws there on a name given twice.
            throw new EventDecodingException("A fetched event names a property twice.", ex);
        }
    }
}
