using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Rest;

namespace ChatBotHost.Emulator.OAuth;

/// <summary>event.bind / event.unbind for the application's own events (only ONAPPUNINSTALL is emulated).</summary>
internal static class AppEventMethods
{
    private const string Uninstall = "ONAPPUNINSTALL";

    public static IEnumerable<RestMethod> All(PortalOAuth oauth) =>
    [
        new("event.bind", BotAuth.Custom, call => Bind(oauth, call)),
        new("event.unbind", BotAuth.Custom, call => Unbind(oauth, call)),
    ];

    private static JsonValue Bind(PortalOAuth oauth, RestCall call)
    {
        RequireApplication(oauth, call);
        var handler = call.Params.Text("handler") is { } text && Uri.TryCreate(text, UriKind.Absolute, out var url)
            ? url
            : throw new RestException("INVALID_ARGUMENT", "Handler is not an absolute URL");
        if (!string.Equals(call.Params.Text("event"), Uninstall, StringComparison.OrdinalIgnoreCase))
        {
            throw new RestException("ERROR_EVENT_NOT_FOUND", "Only ONAPPUNINSTALL is emulated");
        }

        if (oauth.Installation.UninstallHandler == handler)
        {
            throw new RestException("ERROR_CORE", "Handler already binded");
        }

        oauth.Installation.UninstallHandler = handler;
        return JsonValue.Create(true);
    }

    private static JsonObject Unbind(PortalOAuth oauth, RestCall call)
    {
        RequireApplication(oauth, call);
        var count = oauth.Installation.UninstallHandler is null ? 0 : 1;
        oauth.Installation.UninstallHandler = null;
        return new JsonObject { ["count"] = count };
    }

    // Events belong to applications; an incoming webhook gets WRONG_AUTH_TYPE.
    private static void RequireApplication(PortalOAuth oauth, RestCall call)
    {
        if (!string.Equals(call.Token, oauth.Owner, StringComparison.Ordinal))
        {
            throw new RestException("WRONG_AUTH_TYPE", "Current authorization type is denied for this method", 401);
        }
    }
}
