using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Observation;

namespace ChatBotHost.Emulator.Rest;

/// <summary>imbot.v2.Chat.InputAction.notify and Chat.TextField.enabled (spec §4.5).</summary>
internal static class ChatUiMethods
{
    private const int MaxDuration = 600;
    private const int DefaultDuration = 30;

    public static IEnumerable<RestMethod> All() =>
    [
        new("imbot.v2.Chat.InputAction.notify", BotAuth.BotId, Notify),
        new("imbot.v2.Chat.TextField.enabled", BotAuth.BotId, TextField),
    ];

    private static JsonObject Notify(RestCall call)
    {
        var chat = DialogAccess.ForBot(call.State, call.Bot, call.Params.String("dialogId"));
        var duration = call.Params.Int("duration");
        if (duration is < 1 or > MaxDuration)
        {
            throw new RestException("INVALID_DURATION", "Duration must be between 1 and 600 seconds");
        }

        // The indicator is transient: only the chat page shows it; tests observe the call log.
        ActivityEntries.Typing(call.State, call.Bot, chat, duration ?? DefaultDuration, call.Params.Text("statusMessageCode"));
        return Ok.Result();
    }

    private static JsonObject TextField(RestCall call)
    {
        var chat = DialogAccess.ForBot(call.State, call.Bot, call.Params.String("dialogId"));
        chat.TextFieldEnabled = call.Params.Bool("enabled") ?? true;
        return Ok.Result();
    }
}
