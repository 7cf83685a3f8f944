using Quartz;

namespace ChatBotHost.Scheduling;

/// <summary>Quartz job run every poll interval on each replica: fires the timers that came due.</summary>
[DisallowConcurrentExecution]
internal sealed class DueTimersJob(DueTimerDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.DispatchDueAsync(cancellationToken);
}
