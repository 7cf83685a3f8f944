using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Delivery;

namespace ChatBotHost.Emulator.Rest;

/// <summary>im.v2.Event.subscribe / unsubscribe (spec §4.9): the calling user's ONIMV2* events start or stop being recorded.</summary>
internal static class UserEventMethods
{
    public static IEnumerable<RestMethod> All() =>
    [
        new("im.v2.Event.subscribe", BotAuth.None, Subscribe),
        new("im.v2.Event.unsubscribe", BotAuth.None, Unsubscribe),
    ];

    private static JsonValue Subscribe(RestCall call)
    {
        // Idempotent: a second subscribe keeps the events recorded so far.
        call.State.UserEventQueues.TryAdd(User(call), new FetchQueue());
        return JsonValue.Create(true); // a bare true, unlike imbot.v2's {"result": true}
    }

    private static JsonValue Unsubscribe(RestCall call)
    {
        call.State.UserEventQueues.Remove(User(call));
        return JsonValue.Create(true); // a bare true, unlike imbot.v2's {"result": true}
    }

    private static int User(RestCall call) => call.UserId ?? throw new RestException("AUTH_ERROR", "The user is unknown", 401);
}
