using Quartz;
using StackExchange.Redis;

namespace ChatBotHost.StackFloor;

/// <summary>The host's due-timer job: with Redis, one range query for due timers every second.</summary>
internal sealed class DueTimersJob(IServiceProvider services) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IConnectionMultiplexer>() is { } redis)
        {
            _ = await redis.GetDatabase().SortedSetRangeByScoreAsync("timers:due", 0, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), take: 100);
        }
    }
}

/// <summary>Starts the scheduler with the due-timer job, as TimerScheduling does.</summary>
internal sealed class SchedulerStart(ISchedulerFactory factory) : IHostedService
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _scheduler = await factory.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create().StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(1)).RepeatForever()).Build();
        await _scheduler.ScheduleJob(JobBuilder.Create<DueTimersJob>().Build(), trigger, cancellationToken: cancellationToken);
        await _scheduler.Start(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null)
        {
            await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }
}
