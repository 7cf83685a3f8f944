using System.Diagnostics;
using System.Text;

namespace ChatBotHost.Bench;

/// <summary>
/// Posts form bodies from a fixed number of concurrent senders for a fixed time, each waiting for its answer before
/// sending again (closed loop), and records every latency.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(Uri url, Func<int, string> body, int senders, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = senders, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var latencies = new List<TimeSpan>[senders];
        var refused = 0;
        var next = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var stopAt = clock.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async sender =>
        {
            var mine = latencies[sender] = [];
            while (clock.Elapsed < stopAt)
            {
                var started = clock.Elapsed;
                using var content = new StringContent(body(Interlocked.Increment(ref next)), Encoding.UTF8, "application/x-www-form-urlencoded");
                using var response = await http.PostAsync(url, content);
                if (response.IsSuccessStatusCode)
                {
                    mine.Add(clock.Elapsed - started);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }));
        var all = latencies.SelectMany(l => l).ToArray();
        var elapsed = clock.Elapsed;
        return new LoadResult(all.Length, refused, elapsed, new LatencyStats(all)) { Cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu };
    }
}
