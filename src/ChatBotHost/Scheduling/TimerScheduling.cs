using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using Microsoft.Extensions.Options;
using ChatBotHost.Abstractions.Declaration;
using Quartz;

namespace ChatBotHost.Scheduling;

/// <summary>
/// Starts this replica's Quartz scheduler: the due-timer poll, and one cron trigger per declared bot job (an occurrence
/// then runs for that bot on every portal serving it, application portals installed later included). Quartz keeps
/// its jobs in memory; what must survive a restart (the timers) lives in the timer store, and cron occurrences are
/// deduplicated across replicas by the pipeline.
/// </summary>
internal sealed class TimerScheduling(ISchedulerFactory schedulers, BotCatalog catalog, IOptions<ChatBotHostOptions> options) : IHostedService
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _scheduler = await schedulers.GetScheduler(cancellationToken);
        var poll = JobBuilder.Create<DueTimersJob>().WithIdentity("due-timers").Build();
        var every = TriggerBuilder.Create()
            .WithIdentity("due-timers")
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(options.Value.Timers.PollInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await _scheduler.ScheduleJob(poll, every, new ScheduleJobOptions(), cancellationToken);

        foreach (var bot in catalog.Definitions)
        {
            await ScheduleCronAsync(_scheduler, bot, cancellationToken);
        }

        await _scheduler.Start(cancellationToken);
    }

    /// <summary>
    /// A bot of the bots folder was reloaded (or removed: null): its cron jobs are replaced by those it declares now.
    /// The trigger group is the bot's code, so every job of the old version goes.
    /// </summary>
    public async Task RescheduleAsync(string code, BotDefinition? bot, CancellationToken cancellationToken)
    {
        if (_scheduler is not { } scheduler)
        {
            return; // not started yet: StartAsync schedules what the catalog holds then
        }

        var old = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(code), cancellationToken);
        await scheduler.DeleteJobs(old, cancellationToken);
        if (bot is not null)
        {
            await ScheduleCronAsync(scheduler, bot, cancellationToken);
        }
    }

    private async Task ScheduleCronAsync(IScheduler scheduler, BotDefinition bot, CancellationToken cancellationToken)
    {
        foreach (var job in bot.CronJobs)
        {
            var detail = JobBuilder.Create<CronOccurrenceJob>()
                .WithIdentity($"{job.Name}", bot.Code)
                .UsingJobData(CronOccurrenceJob.BotKey, bot.Code)
                .UsingJobData(CronOccurrenceJob.JobKey, job.Name)
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(job.Name, bot.Code)
                .WithCronSchedule(job.Expression, c => Misfire(c.InTimeZone(job.TimeZone)))
                .Build();
            await scheduler.ScheduleJob(detail, trigger, new ScheduleJobOptions(), cancellationToken);
        }
    }

    // Within a running scheduler (a replica too busy to fire on time) the same policy as across restarts.
    private CronScheduleBuilder Misfire(CronScheduleBuilder cron) =>
        options.Value.Timers.CronMisfire == CronMisfirePolicy.FireOnce
            ? cron.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)
            : cron.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null)
        {
            // Let a running timer turn finish; a timer cut short is fired again by another replica after its lease.
            await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }
}
