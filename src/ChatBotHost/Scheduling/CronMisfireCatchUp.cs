using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.State;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatBotHost.Scheduling;

/// <summary>
/// The <see cref="CronMisfirePolicy.FireOnce"/> policy. Quartz keeps its triggers in memory, so an occurrence that came
/// due while every replica was down is known to no one; at start-up each replica looks at the latest occurrence of
/// every job within the duplicate check's memory (3 days) and, unless it was handled, queues it. Every replica starting
/// queues the same occurrence under the same key, so it runs once.
/// </summary>
internal sealed partial class CronMisfireCatchUp(
    BotDirectory bots,
    IDeduplicationStore handled,
    InboxWriter inbox,
    TimeProvider time,
    IOptions<ChatBotHostOptions> options,
    ILogger<CronMisfireCatchUp> logger) : BackgroundService
{
    /// <summary>How far back a missed occurrence is looked for: as long as handled events are remembered.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(3);

    // A job that fires more often than this many times in the look-back is looked at over the last hour only: its next
    // occurrence comes soon anyway, and the scan stays short.
    private const int MaxScanned = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Timers.CronMisfire != CronMisfirePolicy.FireOnce)
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var bot in bots.All.Where(b => b.Settings.Enabled && b.Definition.CronJobs.Count > 0))
        {
            await bot.Ready.WaitAsync(stoppingToken);
            foreach (var job in bot.Definition.CronJobs)
            {
                await CatchUpAsync(bot, job.Name, job.Expression, job.TimeZone, now, stoppingToken);
            }
        }
    }

    private async Task CatchUpAsync(HostedBot bot, string job, string expression, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (LatestBefore(expression, zone, now) is not { } missed)
        {
            return;
        }

        var evt = CronOccurrence.ToEvent(bot, job, missed, now);
        if (await handled.IsHandledAsync(bot.Portal.Key, bot.BotId, evt.DeduplicationKey, cancellationToken))
        {
            return;
        }

        LogCatchingUp(logger, job, bot.Code, missed);
        await inbox.EnqueueAsync(CronOccurrence.ToInboxItem(bot, job, missed, now), cancellationToken);
    }

    /// <summary>The latest occurrence of the cron expression before <paramref name="now"/> and within <see cref="LookBack"/>.</summary>
    public static DateTimeOffset? LatestBefore(string expression, TimeZoneInfo zone, DateTimeOffset now)
    {
        var cron = new CronExpression(expression, zone);
        return Scan(cron, now - LookBack, now) ?? Scan(cron, now - TimeSpan.FromHours(1), now);
    }

    // Null when nothing occurs in the window, and also when too much does (then the caller looks at a shorter one).
    private static DateTimeOffset? Scan(CronExpression cron, DateTimeOffset from, DateTimeOffset now)
    {
        DateTimeOffset? latest = null;
        var next = cron.GetNextValidTimeAfter(from);
        for (var scanned = 0; next is { } at && at < now; scanned++)
        {
            if (scanned == MaxScanned)
            {
                return null;
            }

            latest = at;
            next = cron.GetNextValidTimeAfter(at);
        }

        return latest;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} of bot {Bot} missed its occurrence at {Occurrence} while no replica ran; running it once now (ChatBotHost:Timers:CronMisfire=FireOnce)")]
    private static partial void LogCatchingUp(ILogger logger, string job, string bot, DateTimeOffset occurrence);
}
