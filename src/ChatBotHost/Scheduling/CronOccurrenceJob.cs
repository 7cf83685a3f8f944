using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using Quartz;

namespace ChatBotHost.Scheduling;

/// <summary>
/// Quartz job for one occurrence of a bot's cron job: it stores the occurrence in the inbox of every portal serving the
/// bot, where it runs like any event (claimed by one worker, retried when it fails). Every replica's scheduler fires it; the event is keyed by the
/// occurrence's scheduled time, so the pipeline's duplicate check lets exactly one of the copies run.
/// </summary>
internal sealed partial class CronOccurrenceJob(BotDirectory bots, InboxWriter inbox, TimeProvider time, ILogger<CronOccurrenceJob> logger) : IJob
{
    public const string BotKey = "bot";
    public const string JobKey = "job";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var code = data.GetString(BotKey) ?? "";
        var job = data.GetString(JobKey) ?? "";
        var occurrence = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var served = bots.All.Where(b => string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase) && b.Settings.Enabled).ToList();
        foreach (var bot in served)
        {
            if (!bot.Ready.IsCompleted)
            {
                LogSkipped(logger, job, code, bot.Portal.Key);
                continue;
            }

            await inbox.EnqueueAsync(CronOccurrence.ToInboxItem(bot, job, occurrence, time.GetUtcNow()), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an occurrence of job {Job}: bot {Bot} is not registered on {Portal} yet")]
    private static partial void LogSkipped(ILogger logger, string job, string bot, string portal);
}
