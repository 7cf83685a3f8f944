using ChatBotHost.State;

namespace ChatBotHost.Pipeline.Stages;

/// <summary>
/// Drops an event that was handled before (a fetch redelivery after a crash, a repeated webhook).
/// The mark is written only after the handler succeeded, so a failed turn is not mistaken for a handled one.
/// </summary>
internal sealed partial class DeduplicationStage(IDeduplicationStore store, ILogger<DeduplicationStage> logger) : ITurnStage
{
    // Long enough to outlive any redelivery; fetch-mode repeats are also stopped by the stored offset.
    private static readonly TimeSpan Retention = TimeSpan.FromDays(3);

    public async Task InvokeAsync(TurnContext turn, TurnStep next, CancellationToken cancellationToken)
    {
        var portal = turn.HostedBot.Portal.Key;
        var key = turn.Event.DeduplicationKey;
        if (await store.IsHandledAsync(portal, turn.BotId, key, cancellationToken))
        {
            turn.Outcome = TurnOutcome.Duplicate;
            LogDuplicate(logger, turn.Event.Type, key);
            return;
        }

        await next(turn, cancellationToken);
        await store.MarkHandledAsync(portal, turn.BotId, key, Retention, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped a repeated {EventType} ({DeduplicationKey})")]
    private static partial void LogDuplicate(ILogger logger, string eventType, string deduplicationKey);
}
