using ChatBotHost.Bitrix.Client;
using ChatBotHost.Pipeline;

namespace ChatBotHost.Confirmation;

/// <summary>
/// Ends a turn whose handler let METHOD_CONFIRM_WAITING escape as <see cref="TurnOutcome.AwaitingConfirmation"/>, not
/// as a failure. Running it again would meet the same answer until the administrator decides (Bitrix24 asks them only
/// once), and a dead letter would call a pending decision a fault. The wait is recorded already
/// (<see cref="MethodConfirmWaitRecorder"/>), so the decision reaches the dialog as <c>MethodConfirmDecided</c>.
/// Placed inside the duplicate check, so the event is marked handled, and outside the state commit, so the state of a
/// handler that did not finish is not saved (as with a failed turn).
/// </summary>
internal sealed partial class AwaitingConfirmationStage(ILogger<AwaitingConfirmationStage> logger) : ITurnStage
{
    public async Task InvokeAsync(TurnContext turn, TurnStep next, CancellationToken cancellationToken)
    {
        try
        {
            await next(turn, cancellationToken);
        }
        catch (MethodConfirmWaitingException ex)
        {
            turn.Outcome = TurnOutcome.AwaitingConfirmation;
            LogAwaiting(logger, turn.Event.Type, turn.HostedBot.Code, turn.DialogId, ex.Description);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{EventType} for bot {Bot} in dialog {DialogId} ended waiting for the administrator's confirmation of a method ({Description})")]
    private static partial void LogAwaiting(ILogger logger, string eventType, string bot, string? dialogId, string? description);
}
