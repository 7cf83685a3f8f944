using System.Runtime;
using System.Runtime.InteropServices;

namespace ChatBotHost.StackFloor;

/// <summary>
/// The host's idle trim (IdleMemoryTrim) in short: once start-up is over, one compacting collection that returns the
/// freed heap, and the C library's free pages. Done once, 5 s after start, before the benchmark's first sample.
/// </summary>
internal sealed class StartupTrim : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: nothing to return.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
