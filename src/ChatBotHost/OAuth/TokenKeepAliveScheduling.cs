using ChatBotHost.Configuration;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatBotHost.OAuth;

/// <summary>Schedules <see cref="TokenKeepAliveJob"/> every ChatBotHost:OAuth:KeepAliveCheckInterval (daily) in application mode.</summary>
internal sealed class TokenKeepAliveScheduling(ISchedulerFactory schedulers, IOptions<ChatBotHostOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.OAuth;
        if (!settings.IsConfigured)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<TokenKeepAliveJob>().WithIdentity("oauth-keep-alive").Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity("oauth-keep-alive")
            .StartAt(DateTimeOffset.UtcNow + settings.KeepAliveCheckInterval)
            .WithSimpleSchedule(s => s.WithInterval(settings.KeepAliveCheckInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
