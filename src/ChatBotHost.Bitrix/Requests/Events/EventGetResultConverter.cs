using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Requests.Events;

/// <summary>
/// Reads Event.get's result tolerantly: events as a list or an index-keyed object, numbers and flags as strings,
/// and the legacy <c>lastEventId</c> (offset = lastEventId + 1) where <c>nextOffset</c> is missing (spec §8).
/// </summary>
internal sealed class EventGetResultConverter : JsonConverter<EventGetResult>
{
    /// <inheritdoc />
    public override EventGetResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var root = JsonElement.ParseValue(ref reader);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Event.get result must be an object, got {root.ValueKind}.");
        }

        var nextOffset = Long(root, "nextOffset") ?? (Long(root, "lastEventId") is { } last ? last + 1 : 0);
        return new EventGetResult
        {
            Events = Events(root),
            NextOffset = nextOffset,
            HasMore = Flag(root, "hasMore"),
        };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, EventGetResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("events");
        writer.WriteStartArray();
        foreach (var item in value.Events)
        {
            item.WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteNumber("nextOffset", value.NextOffset);
        writer.WriteBoolean("hasMore", value.HasMore);
        writer.WriteEndObject();
    }

    private static List<JsonElement> Events(JsonElement root)
    {
        if (!root.TryGetProperty("events", out var events))
        {
            return [];
        }

        return events.ValueKind switch
        {
            JsonValueKind.Array => [.. events.EnumerateArray()],
            JsonValueKind.Object => [.. events.EnumerateObject().Select(p => p.Value)],
            _ => [],
        };
    }

    private static long? Long(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static bool Flag(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.Number => value.TryGetInt64(out var number) && number != 0,
            JsonValueKind.String => value.GetString() is "Y" or "1" or "true",
            _ => false,
        };
}
