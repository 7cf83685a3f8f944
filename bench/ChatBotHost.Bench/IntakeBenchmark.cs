using System.Globalization;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Bench;

/// <summary>
/// (b) Webhook intake: events accepted per second with p50/p99 latency, against a bare ASP.NET Core endpoint that only
/// reads the body, in the same run with the same load; then checks that every accepted event was handled.
/// </summary>
internal static class IntakeBenchmark
{
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
        await LoadGenerator.RunAsync(bare.Url, Body, senders, TimeSpan.FromSeconds(2));
        var baseline = await LoadGenerator.RunAsync(bare.Url, Body, senders, duration);
        var intake = await LoadGenerator.RunAsync(bot.WebhookUrl!, n => Body(1_000_000 + n), senders, duration);

        Console.WriteLine($"  bare endpoint  {baseline}");
        Console.WriteLine($"  host intake    {intake}");
        var ratio = intake.PerSecond / baseline.PerSecond;
        Console.WriteLine($"  ratio          {ratio:P0} of the bare endpoint (target >= 50%)");
        return ratio;
    }
}
