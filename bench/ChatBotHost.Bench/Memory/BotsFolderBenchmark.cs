using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBotHost.Bench.Memory;

/// <summary>
/// (d) The bots folder: how long the host takes at start-up to compile the sample bots from source (in its compiler
/// child process), and its resident memory once idle afterwards; then the same with the compiled images in the cache
/// (no child started). Local mode, as `dotnet run` starts it, a fresh cache folder per run (XDG_DATA_HOME).
/// </summary>
internal static partial class BotsFolderBenchmark
{
    private const string ReadyLine = "Bots folder: ";

    public static async Task RunAsync(int runs, TimeSpan settle)
    {
        Console.WriteLine($"  {runs} run(s); start-up of the bots folder in ms, VmRSS in MB once idle ({settle.TotalSeconds:F0} s settle)");
        for (var run = 0; run < runs; run++)
        {
            var cache = Directory.CreateTempSubdirectory("chatbothost-bench-cache-");
            try
            {
                foreach (var label in new[] { "compiled (child process)", "from the cache (no child)" })
                {
                    var (ms, compiled, rss) = await StartOnceAsync(cache.FullName, settle);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"    {label,-28} {ms,6} ms ({compiled} units compiled)   idle {rss.RssMb,6:F1} MB (anon {rss.AnonKb / 1024.0:F1}, file {rss.FileKb / 1024.0:F1})"));
                }
            }
            finally
            {
                cache.Delete(recursive: true);
            }
        }
    }

    private static async Task<(long Ms, int Compiled, RssSample Rss)> StartOnceAsync(string cache, TimeSpan settle)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["XDG_DATA_HOME"] = cache };
        await using var host = HostProcess.Start(BenchHost.FreePort(), environment, "units of");
        await host.WaitReadyAsync(http, TimeSpan.FromMinutes(2));
        await Task.Delay(settle);
        var line = host.FirstLine("units of") ?? throw new InvalidOperationException($"The host did not say when its bots were ready:{Environment.NewLine}{host.Output()}");
        var match = ReadyPattern().Match(line);
        return (long.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["compiled"].Value, CultureInfo.InvariantCulture), host.Rss());
    }

    [GeneratedRegex(ReadyLine + @".*ready in (?<ms>\d+) ms, (?<compiled>\d+) compiled")]
    private static partial Regex ReadyPattern();
}
