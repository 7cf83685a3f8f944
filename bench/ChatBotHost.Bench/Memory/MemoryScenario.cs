using System.Diagnostics;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Bench.Memory;

/// <summary>
/// One way of running the host whose memory is measured: it starts the host process, lets it settle, reads its
/// resident memory, sends it events through the portal it talks to, waits until every one is answered and the host
/// is idle again, and reads it once more.
/// </summary>
internal abstract class MemoryScenario
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromMinutes(3);

    public abstract string Name { get; }

    public async Task<(RssSample Started, RssSample Loaded)> RunOnceAsync(int events, TimeSpan settle)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await using var host = await StartHostAsync(http);
        await host.WaitReadyAsync(http, TimeSpan.FromMinutes(1));
        await PrepareAsync(http, host);
        await Task.Delay(settle);
        var started = host.Rss();

        await SendAsync(http, host, events);
        var waited = Stopwatch.StartNew();
        int replies;
        while ((replies = await RepliesAsync(http, host)) < events)
        {
            if (waited.Elapsed > ReplyTimeout)
            {
                throw new TimeoutException($"{Name}: {replies} of {events} events answered within {ReplyTimeout}:{Environment.NewLine}{host.Output()}");
            }

            await Task.Delay(2000); // Seldom: in local mode each look renders the whole conversation in the host.
        }

        await Task.Delay(settle);
        return (started, host.Rss());
    }

    /// <summary>
    /// Idle memory of a yardstick of bench/ChatBotHost.StackFloor ("none": a bare slim app; "libraries": the libraries
    /// the host is built on, set up as the host sets them up), run the way this scenario runs the host.
    /// </summary>
    public async Task<RssSample> MeasureYardstickAsync(string stack, TimeSpan settle)
    {
        await using var redis = UsesRedis && stack == "libraries" ? await RedisServer.StartAsync() : null;
        var environment = YardstickEnvironment(redis);
        environment["Floor__Stack"] = stack;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await using var process = HostProcess.StartStackFloor(BenchHost.FreePort(), environment);
        await process.WaitReadyAsync(http, TimeSpan.FromMinutes(1));
        // The yardstick trims its start-up garbage 5 s after it started, as the host does in its first quiet spell.
        await Task.Delay(settle < YardstickTrimmed ? YardstickTrimmed : settle);
        return process.Rss();
    }

    private static readonly TimeSpan YardstickTrimmed = TimeSpan.FromSeconds(8);

    /// <summary>Whether the host runs with Redis here (the yardstick then connects to a fresh redis-server too).</summary>
    protected virtual bool UsesRedis => false;

    /// <summary>The yardstick's environment, matching the host's in this scenario (environment name, log format).</summary>
    protected abstract Dictionary<string, string> YardstickEnvironment(RedisServer? redis);

    protected abstract Task<HostProcess> StartHostAsync(HttpClient http);

    /// <summary>Waits until the bots are registered and opens the chats the events will come from.</summary>
    protected abstract Task PrepareAsync(HttpClient http, HostProcess host);

    protected abstract Task SendAsync(HttpClient http, HostProcess host, int events);

    /// <summary>How many of the sent messages the echo bot has answered so far.</summary>
    protected abstract Task<int> RepliesAsync(HttpClient http, HostProcess host);

    protected static bool IsLoadReply(string text) => text.StartsWith("You said: load", StringComparison.Ordinal);

    /// <summary>Runs <paramref name="send"/> for 0..count-1 with a few in flight at a time, as users typing at once would.</summary>
    protected static Task SendConcurrentlyAsync(int count, Func<int, Task> send) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (n, _) => await send(n));
}
