namespace ChatBotHost.Pipeline.Stages;

/// <summary>Outermost: a failing turn is logged with what identifies it and never takes the intake down.</summary>
internal sealed partial class ErrorHandlingStage(ILogger<ErrorHandlingStage> logger) : ITurnStage
{
    public async Task InvokeAsync(TurnContext turn, TurnStep next, CancellationToken cancellationToken)
    {
        try
        {
            await next(turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            turn.Outcome = TurnOutcome.Failed;
            turn.Failure = ex;
            LogFailed(logger, ex, turn.Event.Type, turn.HostedBot.Code, turn.DialogId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {EventType} for bot {Bot} in dialog {DialogId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string eventType, string bot, string? dialogId);
}
