using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Pipeline;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Scheduling;

/// <summary>
/// Claims the timers that came due and runs each as a <see cref="TimerFired"/> event through the pipeline. A claim hides
/// the timer from other replicas for the claim lease; a replica that dies holding it lets another fire it afterwards,
/// and the pipeline's duplicate check stops a timer whose turn already completed from running twice.
/// </summary>
internal sealed partial class DueTimerDispatcher(
    ITimerStore store,
    BotDirectory bots,
    TurnPipeline pipeline,
    TimeProvider time,
    IOptions<ChatBotHostOptions> options,
    ILogger<DueTimerDispatcher> logger)
{
    private const int ClaimBatch = 50;

    /// <summary>Fires every timer that is due now; returns how many turns ran.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Timers;
        var fired = 0;
        while (true)
        {
            var claimed = await store.ClaimDueAsync(time.GetUtcNow(), settings.ClaimLease, ClaimBatch, cancellationToken);
            foreach (var timer in claimed)
            {
                fired += await FireAsync(timer, settings, cancellationToken) ? 1 : 0;
            }

            if (claimed.Count < ClaimBatch)
            {
                return fired;
            }
        }
    }

    private async Task<bool> FireAsync(ClaimedTimer claimed, TimerOptions settings, CancellationToken cancellationToken)
    {
        var timer = claimed.Timer;
        if (bots.FindByCode(timer.BotCode) is not { } bot || bot.Portal.Key != timer.Portal || !bot.Ready.IsCompleted)
        {
            // Not ours (another host shares the Redis) or not registered yet: the claim runs out and someone fires it.
            LogNotReady(logger, timer.Id, timer.BotCode);
            return false;
        }

        var outcome = await pipeline.ProcessAsync(bot, ToEvent(bot, timer), cancellationToken);
        var late = time.GetUtcNow() - timer.DueAt;
        if (outcome == TurnOutcome.Failed && late < settings.RetryWindow)
        {
            // Leave the claim to expire: the timer fires again after the lease (a reminder should survive a portal hiccup).
            LogWillRetry(logger, timer.Id, settings.ClaimLease);
            return true;
        }

        if (outcome == TurnOutcome.Failed)
        {
            LogGaveUp(logger, timer.Id, late);
        }

        await store.CompleteAsync(claimed, CancellationToken.None);
        return true;
    }

    private TimerFired ToEvent(HostedBot bot, TimerEntry timer) => new()
    {
        Source = EventSource.Internal,
        Date = time.GetUtcNow(),
        Bot = new BotInfo { Id = bot.BotId, Code = bot.Code },
        Kind = Enum.Parse<TimerKind>(timer.Kind),
        Name = timer.Name,
        TimerId = timer.Id,
        DueAt = timer.DueAt,
        Payload = timer.Payload,
        TargetDialogId = timer.DialogId,

        // A reminder or a re-asked question speaks the language of the user who was talking when it was set.
        Language = timer.Language,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {TimerId} of bot {Bot} is not for this host or its bot is not registered yet")]
    private static partial void LogNotReady(ILogger logger, string timerId, string bot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {TimerId} failed; it fires again after {Lease}")]
    private static partial void LogWillRetry(ILogger logger, string timerId, TimeSpan lease);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {TimerId} kept failing and is dropped, {Late} after it was due")]
    private static partial void LogGaveUp(ILogger logger, string timerId, TimeSpan late);
}
