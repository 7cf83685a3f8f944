using System.Text.Json;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Abstractions.Timers;

/// <summary>How a scheduled message travels in a timer's payload, and the built-in route that sends it when it fires.</summary>
internal static class ScheduledMessage
{
    public static string ToPayload(MessageFields message) => JsonSerializer.Serialize(message, DialogJson.Options);

    public static async Task SendAsync(TimerFired timer, ITurnContext turn, CancellationToken cancellationToken)
    {
        var message = timer.PayloadAs<MessageFields>()
            ?? throw new InvalidOperationException($"Scheduled message {timer.TimerId} has no message in its payload.");
        await turn.ReplyAsync(message, cancellationToken);
    }
}
