using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Rest;

/// <summary>imbot.v2.Chat.InputAction.notify and Chat.TextField.enabled (spec §4.5).</summary>
internal static class ChatUiMethods
{
    private const int MaxDuration = 600;

    public static IEnumerable<RestMethod> All() =>
    [
        new("imbot.v2.Chat.InputAction.notify", BotAuth.BotId, Notify),
        new("imbot.v2.Chat.TextField.enabled", BotAuth.BotId, TextField),
    ];

    private static JsonObject Notify(RestCall call)
    {
        DialogAccess.ForBot(call.State, call.Bot, call.Params.String("dialogId"));
        if (call.Params.Int("duration") is int duration && (duration < 1 || duration > MaxDuration))
        {
            throw new RestException("INVALID_DURATION", "Duration must be between 1 and 600 seconds");
        }

        return Ok.Result(); // the typing indicator is transient; the call log is what tests observe
    }

    private static JsonObject TextField(RestCall call)
    {
        var chat = DialogAccess.ForBot(call.State, call.Bot, call.Params.String("dialogId"));
        chat.TextFieldEnabled = call.Params.Bool("enabled") ?? true;
        return Ok.Result();
    }
}
