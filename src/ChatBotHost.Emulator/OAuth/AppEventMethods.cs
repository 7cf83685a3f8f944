using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Rest;

namespace ChatBotHost.Emulator.OAuth;

/// <summary>
/// event.bind / event.unbind for the application's own events: ONAPPUNINSTALL and ONAPPMETHODCONFIRM are emulated,
/// one handler each.
/// </summary>
internal static class AppEventMethods
{
    private const string Uninstall = "ONAPPUNINSTALL";
    private const string MethodConfirm = "ONAPPMETHODCONFIRM";

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
        var installation = oauth.Installation;
        var bound = EventName(call) switch
        {
            Uninstall => installation.UninstallHandler,
            MethodConfirm => installation.MethodConfirmHandler,
            _ => throw new RestException("ERROR_EVENT_NOT_FOUND", "Only ONAPPUNINSTALL and ONAPPMETHODCONFIRM are emulated"),
        };
        if (bound == handler)
        {
            throw new RestException("ERROR_CORE", "Handler already binded");
        }

        if (EventName(call) == Uninstall)
        {
            installation.UninstallHandler = handler;
        }
        else
        {
            installation.MethodConfirmHandler = handler;
        }

        return JsonValue.Create(true);
    }

    // Without an event name the uninstall handler goes, as the emulator did before it knew a second event.
    private static JsonObject Unbind(PortalOAuth oauth, RestCall call)
    {
        RequireApplication(oauth, call);
        var installation = oauth.Installation;
        int count;
        if (EventName(call) == MethodConfirm)
        {
            count = installation.MethodConfirmHandler is null ? 0 : 1;
            installation.MethodConfirmHandler = null;
        }
        else
        {
            count = installation.UninstallHandler is null ? 0 : 1;
            installation.UninstallHandler = null;
        }

        return new JsonObject { ["count"] = count };
    }

    private static string EventName(RestCall call) => call.Params.Text("event")?.Trim().ToUpperInvariant() ?? "";

    // Events belong to applications; an incoming webhook gets WRONG_AUTH_TYPE.
    private static void RequireApplication(PortalOAuth oauth, RestCall call)
    {
        if (!string.Equals(call.Token, oauth.Owner, StringComparison.Ordinal))
        {
            throw new RestException("WRONG_AUTH_TYPE", "Current authorization type is denied for this method", 401);
        }
    }
}
