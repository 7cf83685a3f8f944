using System.Globalization;

namespace ChatBotHost.Bench.Memory;

/// <summary>
/// (c) The host's resident memory (VmRSS of its own process) once it has started and settled, and again after it
/// answered a number of events and settled, in local mode and with a portal and Redis; several runs of each, a new
/// process every run. Beside it, in the same runs, two yardsticks (bench/ChatBotHost.StackFloor) idle the same way:
/// a bare slim ASP.NET Core app, and the libraries the host is built on without any of its own code. Prints
/// min/median/max and the parts (anonymous, file-backed, shared) of the median run.
/// </summary>
internal static class MemoryBenchmark
{
    public const double TargetMb = 100;

    /// <summary>Returns the largest median of the four figures, in MB.</summary>
    public static async Task<double> RunAsync(int runs, int events, TimeSpan settle)
    {
        Console.WriteLine($"  {runs} runs per mode, {events} events each, {settle.TotalSeconds:F0} s settle; VmRSS in MB: min / median / max");
        var worst = 0.0;
        var portal = new PortalScenario();
        try
        {
            foreach (var scenario in new MemoryScenario[] { new LocalModeScenario(), portal })
            {
                var bare = new List<RssSample>();
                var libraries = new List<RssSample>();
                var started = new List<RssSample>();
                var loaded = new List<RssSample>();
                for (var run = 0; run < runs; run++)
                {
                    bare.Add(await scenario.MeasureYardstickAsync("none", settle));
                    libraries.Add(await scenario.MeasureYardstickAsync("libraries", settle));
                    var (s, l) = await scenario.RunOnceAsync(events, settle);
                    started.Add(s);
                    loaded.Add(l);
                }

                Console.WriteLine($"  {scenario.Name}");
                Print("bare slim app", bare);
                var floor = Print("libraries alone", libraries);
                var idle = Print("after start-up", started);
                worst = Math.Max(worst, idle);
                worst = Math.Max(worst, Print($"after {events.ToString(CultureInfo.InvariantCulture)} events", loaded));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    the host's own code and bots at idle: {idle - floor:+0.0;-0.0} MB over the libraries alone, which leave {TargetMb - floor:0.0} MB of the {TargetMb:0} MB target"));
            }
        }
        finally
        {
            await portal.StopPortalAsync();
        }

        return worst;
    }

    private static double Print(string label, List<RssSample> samples)
    {
        var sorted = samples.OrderBy(s => s.RssKb).ToList();
        var median = sorted[(sorted.Count - 1) / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {label,-20} {sorted[0].RssMb,6:F1} / {median.RssMb,6:F1} / {sorted[^1].RssMb,6:F1}   (median run: anon {median.AnonKb / 1024.0:F1}, file {median.FileKb / 1024.0:F1}, shmem {median.ShmemKb / 1024.0:F1})"));
        return median.RssMb;
    }
}
