using System.Globalization;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Bench;

/// <summary>
/// (b) Webhook intake: events accepted per second with p50/p99 latency, against a bare ASP.NET Core endpoint that only
/// reads the body, in the same run with the same load, in alternating windows.
/// </summary>
internal static class IntakeBenchmark
{
    /// <summary>Issue 15's target: webhook intake, every event durable, at this share of the bare endpoint (issue 4's was 0.5).</summary>
    public const double Target = 0.8;

    private static readonly TimeSpan RoundLength = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static async Task<double> RunAsync(RedisServer redis, int senders, TimeSpan duration)
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var port = BenchHost.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["ChatBotHost:Portal:WebhookUrl"] = emulator.WebhookUrl.AbsoluteUri,
            ["ChatBotHost:Redis:Configuration"] = redis.ConfigurationString,
            ["ChatBotHost:PublicUrl"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/",
            ["ChatBotHost:Bots:echo:BotToken"] = "bench-echo-token",
            ["ChatBotHost:Bots:echo:EventMode"] = "webhook",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        await using var host = await BenchHost.StartAsync(settings, port, typeof(EchoBot));
        var bot = emulator.Portal.FindBot("echo")!;

        // One genuine delivery teaches the host the bot's application_token (trust on first use).
        await emulator.Portal.SendUserMessageAsync(1, bot.Id.ToString(CultureInfo.InvariantCulture), "warm-up");
        await emulator.Portal.WaitForBotMessageAsync(m => m.Text == "You said: warm-up", TimeSpan.FromSeconds(30), CancellationToken.None);
        var token = emulator.Portal.FindBot("echo")!.ApplicationToken!;
        var users = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            var user = emulator.Portal.AddUser("Load", $"User{i}");
            await emulator.Portal.OpenPrivateChatAsync(user.Id, bot.Id);
            users.Add(user.Id);
        }

        await using var bare = await BareEndpoint.StartAsync(BenchHost.FreePort());
        string Body(int n) => WebhookBodies.MessageAdded(bot.Id, token, users, n);
        // Both warm up first: until the JIT's tiered compilation has settled, its background thread takes CPU from the
        // measurement, and the host, with far more code on its path, would pay most of it.
        await LoadGenerator.RunAsync(bare.Url, Body, senders, WarmUp);
        await LoadGenerator.RunAsync(bot.WebhookUrl!, n => Body(100_000_000 + n), senders, WarmUp);

        // Short windows taking turns rather than one long phase each: whatever else the machine does meanwhile then
        // weighs on both alike, and the ratio compares like with like. Every host window gets fresh message ids.
        var rounds = Math.Max(2, (int)(duration / RoundLength));
        var window = duration / rounds;
        var bareRuns = new List<LoadResult>();
        var hostRuns = new List<LoadResult>();
        for (var round = 0; round < rounds; round++)
        {
            bareRuns.Add(await LoadGenerator.RunAsync(bare.Url, Body, senders, window));
            var firstId = 1_000_000 + (round * 10_000_000);
            hostRuns.Add(await LoadGenerator.RunAsync(bot.WebhookUrl!, n => Body(firstId + n), senders, window));
        }

        var baseline = LoadResult.Combine(bareRuns);
        var intake = LoadResult.Combine(hostRuns);

        // Queued first, answered second: an event acknowledged in between is counted twice, never missed.
        var queued = await QueuedAsync(redis);
        var answered = emulator.Portal.GetMessages(null).Count(m => m.PostedByBotId == bot.Id && m.Text.StartsWith("You said: load", StringComparison.Ordinal));
        Console.WriteLine($"  bare endpoint  {baseline}");
        Console.WriteLine($"  host intake    {intake}");
        Console.WriteLine($"  durable        {queued} queued in Redis + {answered} answered for {intake.Accepted} accepted{(queued + answered >= intake.Accepted ? "" : "  — EVENTS MISSING")}");
        var ratio = intake.PerSecond / baseline.PerSecond;
        Console.WriteLine($"  ratio          {ratio:P0} of the bare endpoint (target >= {Target:P0})");
        return queued + answered >= intake.Accepted ? ratio : 0;
    }

    // The events in the inbox's dialog queues: the length of every queue list of every portal.
    private static async Task<long> QueuedAsync(RedisServer redis)
    {
        await using var connection = new RedisConnection(redis.ConfigurationString);
        var keys = await connection.ScanAsync($"{RedisKeys.DefaultPrefix}:{{inbox:*}}:q:*", CancellationToken.None);
        var total = 0L;
        foreach (var key in keys)
        {
            total += await connection.ExecuteAsync(db => db.ListLengthAsync(key), CancellationToken.None);
        }

        return total;
    }
}
