using ChatBotHost.Operations.Memory;

namespace ChatBotHost.StackFloor;

/// <summary>
/// The host's idle trim, once: 5 s after start (before the benchmark's first sample), the same collection and native
/// heap trim the host runs in its first quiet spell (RuntimeGarbageCollector, compiled in from the host's source).
/// </summary>
internal sealed class StartupTrim : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
        new RuntimeGarbageCollector().CollectAndDecommit();
    }
}
