using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>imbot.v2.Event.get (spec §4.6, §5.2): offset acknowledges everything below it; reading alone removes nothing.</summary>
internal static class EventMethods
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static IEnumerable<RestMethod> All() => [new("imbot.v2.Event.get", BotAuth.BotId, Get)];

    private static JsonObject Get(RestCall call)
    {
        var offset = call.Params.Long("offset");
        var limit = Math.Clamp(call.Params.Int("limit") ?? DefaultLimit, 1, MaxLimit);
        var (events, hasMore) = call.Bot.Queue.Read(offset, limit);
        var nextOffset = events.Count > 0 ? events[^1].EventId + 1 : offset ?? call.State.NextEventId;
        return new JsonObject
        {
            ["events"] = new JsonArray([.. events.Select(e => new JsonObject
            {
                ["eventId"] = e.EventId,
                ["type"] = e.Type,
                ["date"] = WireDate.Format(e.Date),
                ["data"] = e.Data.DeepClone(), // the queue keeps its copy until acknowledged
            })]),
            ["nextOffset"] = nextOffset,
            ["hasMore"] = hasMore,
        };
    }
}
