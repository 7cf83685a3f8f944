using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Delivery;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>imbot.v2.Event.get (spec §4.6, §5.2): offset acknowledges everything below it; reading alone removes nothing.</summary>
internal static class EventMethods
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static IEnumerable<RestMethod> All() => [new("imbot.v2.Event.get", BotAuth.BotId, Get)];

    // The bot's and the calling user's events in one stream by eventId: one offset acknowledges both (spec §4.6).
    private static (IReadOnlyList<QueuedEvent> Events, bool HasMore) WithUserEvents(
        RestCall call, IReadOnlyList<QueuedEvent> botEvents, bool botHasMore, long? offset, int limit)
    {
        if (call.UserId is not int user || !call.State.UserEventQueues.TryGetValue(user, out var queue))
        {
            throw new RestException("USER_NOT_SUBSCRIBED", "The user is not subscribed to events (im.v2.Event.subscribe)");
        }

        var (userEvents, userHasMore) = queue.Read(offset, limit);
        var merged = botEvents.Concat(userEvents).OrderBy(e => e.EventId).ToList();
        return (merged.Take(limit).ToList(), botHasMore || userHasMore || merged.Count > limit);
    }

    private static JsonObject Get(RestCall call)
    {
        var offset = call.Params.Long("offset");
        var limit = Math.Clamp(call.Params.Int("limit") ?? DefaultLimit, 1, MaxLimit);
        var (events, hasMore) = call.Bot.Queue.Read(offset, limit);
        if (call.Params.Bool("withUserEvents") == true)
        {
            (events, hasMore) = WithUserEvents(call, events, hasMore, offset, limit);
        }

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
