using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Scheduling;

/// <summary>
/// Claims the timers that came due and puts each, as a <see cref="TimerFired"/> event, into its dialog's inbox, so a
/// timer's turn keeps its place among the dialog's messages and gets the inbox's retries. The timer is completed only
/// after it is stored; a replica that dies in between leaves the claim to run out and another stores it again, which
/// the pipeline's duplicate check turns into one turn.
/// </summary>
internal sealed partial class DueTimerDispatcher(
    ITimerStore store,
    BotDirectory bots,
    InboxWriter inbox,
    TimeProvider time,
    IOptions<ChatBotHostOptions> options,
    ILogger<DueTimerDispatcher> logger)
{
    private const int ClaimBatch = 50;

    /// <summary>Stores every timer that is due now in its dialog's inbox; returns how many were stored.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var lease = options.Value.Timers.ClaimLease;
        var fired = 0;
        while (true)
        {
            var claimed = await store.ClaimDueAsync(time.GetUtcNow(), lease, ClaimBatch, cancellationToken);
            foreach (var timer in claimed)
            {
                fired += await FireAsync(timer) ? 1 : 0;
            }

            if (claimed.Count < ClaimBatch)
            {
                return fired;
            }
        }
    }

    private async Task<bool> FireAsync(ClaimedTimer claimed)
    {
        var timer = claimed.Timer;
        if (bots.Find(timer.Portal, timer.BotCode) is not { } bot || !bot.Ready.IsCompleted)
        {
            // Not ours (another host shares the Redis) or not registered yet: the claim runs out and someone fires it.
            LogNotReady(logger, timer.Id, timer.BotCode);
            return false;
        }

        var evt = ToEvent(bot, timer);
        var item = new InboxItem
        {
            Portal = timer.Portal,
            BotCode = timer.BotCode,
            DialogId = timer.DialogId ?? InboxItem.NoDialog,
            DeduplicationKey = evt.DeduplicationKey,
            Source = InboxItem.Sources.Timer,
            Payload = TimerFiredJson.Serialize(evt),
            ReceivedAt = time.GetUtcNow(),
        };

        // Not cancelled half-way: a stored timer must also be completed, or it is stored again after the lease.
        await inbox.EnqueueAsync(item, CancellationToken.None);
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
}
