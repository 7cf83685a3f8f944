using ChatBotHost.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Operations.Memory;

/// <summary>
/// Gives the heap grown for a busy spell back to the system once the host has gone quiet. The collector only returns
/// memory during a collection, and a quiet host runs none, so without this a host that answered a burst of messages
/// would keep tens of MB committed and unused until the next burst (see docs/performance.md, "Memory").
/// </summary>
internal sealed partial class IdleMemoryTrim(
    IOptions<ChatBotHostOptions> options,
    IGarbageCollector collector,
    TimeProvider clock,
    ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    /// <summary>How often the allocation counter is read; cheap (one runtime counter).</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var policy = new IdleTrimPolicy(options.Value.Memory.IdleAfter, SampleInterval);
        using var timer = new PeriodicTimer(SampleInterval, clock);
        try
        {
            do
            {
                if (policy.ShouldTrim(collector.TotalAllocatedBytes))
                {
                    var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
                    collector.CollectAndDecommit();
                    var after = GC.GetGCMemoryInfo().TotalCommittedBytes;
                    LogTrimmed(logger, before / (1024 * 1024), after / (1024 * 1024));
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The host went quiet: a full collection gave the unused heap back ({BeforeMb} MB committed at the last collection, {AfterMb} MB now)")]
    private static partial void LogTrimmed(ILogger logger, long beforeMb, long afterMb);
}
