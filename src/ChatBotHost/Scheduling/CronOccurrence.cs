using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.State;

namespace ChatBotHost.Scheduling;

/// <summary>
/// One occurrence of a bot's cron job as the event it becomes. Keyed by the job and the occurrence's scheduled time, so
/// every copy of it — each replica's scheduler, a catch-up after a restart — is one turn.
/// </summary>
internal static class CronOccurrence
{
    public static TimerFired ToEvent(HostedBot bot, string job, DateTimeOffset occurrence, DateTimeOffset now) => new()
    {
        Source = EventSource.Internal,
        Date = now,
        Bot = new BotInfo { Id = bot.BotId, Code = bot.Code },
        Kind = TimerKind.Cron,
        Name = job,
        TimerId = $"cron:{job}",
        DueAt = occurrence,
    };

    // One inbox item per portal serving the bot: each portal's occurrence runs in that portal's conversation space.
    public static InboxItem ToInboxItem(HostedBot bot, string job, DateTimeOffset occurrence, DateTimeOffset now)
    {
        var evt = ToEvent(bot, job, occurrence, now);
        return new InboxItem
        {
            Portal = bot.Portal.Key,
            BotCode = bot.Code,
            DialogId = InboxItem.NoDialog,
            DeduplicationKey = evt.DeduplicationKey,
            Source = InboxItem.Sources.Timer,
            Payload = TimerFiredJson.Serialize(evt),
            ReceivedAt = now,
        };
    }
}
