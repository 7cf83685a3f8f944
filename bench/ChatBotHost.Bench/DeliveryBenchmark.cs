using System.Diagnostics;
using System.Globalization;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Limits;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Bench;

/// <summary>
/// (a) Replies delivered per second once the portal's burst is spent, under the emulator's leaky bucket: the host
/// (intake → inbox → outbox → batch) in webhook mode and in fetch mode, each against the bucket's ceiling (drain × 50
/// calls per second), and against a naive sender that makes one Chat.Message.send per reply. Each mode gets its own
/// emulator and host (an event mode is chosen at start) over the same Redis, one after the other.
/// </summary>
internal static class DeliveryBenchmark
{
    private const string Token = "bench-echo-token";

    /// <summary>The score (share of the ceiling, 0 with any refusal) of webhook mode and of fetch mode.</summary>
    public static async Task<(double Webhook, double Fetch)> RunAsync(RedisServer redis, RateLimitOptions limit, TimeSpan warmUp, TimeSpan window)
    {
        var ceiling = limit.DrainPerSecond * 50;
        var (webhook, naive) = await ModeAsync("webhook", redis, limit, warmUp, window, measureNaive: true);
        var (fetch, _) = await ModeAsync("fetch", redis, limit, warmUp, window, measureNaive: false);

        Console.WriteLine($"  naive sender   {naive.PerSecond,7:F1} replies/s  (one request per reply; {naive.Refused} refusals in the window)");
        Console.WriteLine($"  ceiling        {ceiling,7:F1} replies/s  (drain {limit.DrainPerSecond}/s × 50 calls per batch)");
        Console.WriteLine("  mode        replies/s   of ceiling   QUERY_LIMIT_EXCEEDED   replies per request   vs naive");
        foreach (var mode in new[] { webhook, fetch })
        {
            Console.WriteLine(
                $"  {mode.Name,-9} {mode.Hosted.PerSecond,9:F1}   {mode.Hosted.PerSecond / ceiling,10:P0}   {mode.Hosted.Refused,20}   {mode.RepliesPerRequest,19:F1}   {mode.Hosted.PerSecond / naive.PerSecond,7:F1}×");
        }

        Console.WriteLine($"  (host phase: webhook {webhook.Replies} replies in {webhook.Requests} requests, fetch {fetch.Replies} replies in {fetch.Requests} requests, Event.get included)");
        return (webhook.Score(ceiling), fetch.Score(ceiling));
    }

    private static async Task<(DeliveryMode Mode, Rate Naive)> ModeAsync(
        string eventMode, RedisServer redis, RateLimitOptions limit, TimeSpan warmUp, TimeSpan window, bool measureNaive)
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var port = BenchHost.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["ChatBotHost:Portal:WebhookUrl"] = emulator.WebhookUrl.AbsoluteUri,
            ["ChatBotHost:Redis:Configuration"] = redis.ConfigurationString,
            ["ChatBotHost:PublicUrl"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/",
            ["ChatBotHost:Bots:echo:BotToken"] = Token,
            ["ChatBotHost:Bots:echo:EventMode"] = eventMode,
            ["ChatBotHost:RateLimit:DrainPerSecond"] = limit.DrainPerSecond.ToString(CultureInfo.InvariantCulture),
            ["ChatBotHost:RateLimit:Burst"] = limit.Burst.ToString(CultureInfo.InvariantCulture),
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        await using var host = await BenchHost.StartAsync(settings, port, typeof(EchoBot));
        var portal = emulator.Portal;
        var bot = portal.FindBot("echo")!;
        var users = await UsersAsync(portal, bot.Id, 300);
        await GreetedAsync(portal, bot.Id, users.Count);

        var naive = default(Rate);
        if (measureNaive)
        {
            portal.Limits.SetRateLimit(limit);
            naive = await NaiveAsync(emulator, bot.Id, users, warmUp, window);
        }

        portal.Limits.SetRateLimit(limit);
        var requestsBefore = portal.Limits.Accepted;
        var hosted = await HostedAsync(portal, bot.Id, users, limit.DrainPerSecond * 50 * 1.5, warmUp, window);
        var requests = portal.Limits.Accepted - requestsBefore;
        var replies = portal.GetMessages(null).Count(m => m.PostedByBotId == bot.Id && m.Text.StartsWith("You said: load", StringComparison.Ordinal));
        return (new DeliveryMode(eventMode, hosted, replies, requests), naive);
    }

    private static async Task<List<int>> UsersAsync(EmulatedPortal portal, int botId, int count)
    {
        var users = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var user = portal.AddUser("Load", $"User{i}");
            await portal.OpenPrivateChatAsync(user.Id, botId);
            users.Add(user.Id);
        }

        return users;
    }

    // The echo bot greets every new chat: those replies must be out before the naive sender measures the same bucket.
    private static async Task GreetedAsync(EmulatedPortal portal, int botId, int chats)
    {
        var waited = Stopwatch.StartNew();
        while (portal.GetMessages(null).Count(m => m.PostedByBotId == botId && m.Text.StartsWith("Hi!", StringComparison.Ordinal)) < chats)
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("The echo bot did not greet every chat within 2 minutes.");
            }

            await Task.Delay(100);
        }
    }

    // One reply, one request, waiting out a refusal: what a host without batching achieves.
    private static async Task<Rate> NaiveAsync(BitrixEmulator emulator, int botId, List<int> users, TimeSpan warmUp, TimeSpan window)
    {
        using var http = new HttpClient();
        var client = new BitrixClient(http, new WebhookCredentials(emulator.WebhookUrl, Token, botId));
        var meter = new WindowMeter(warmUp, window, () => emulator.Portal.Limits.Refused);
        for (var n = 0; !meter.Done; n++)
        {
            try
            {
                var dialog = users[n % users.Count].ToString(CultureInfo.InvariantCulture);
                await client.CallAsync(new ChatMessageSendRequest { DialogId = dialog, Fields = new MessageFields { Message = "naive" } }, CancellationToken.None);
                meter.Count();
            }
            catch (BitrixApiException ex) when (ex.IsRateLimited)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }

        return meter.Result();
    }

    // Users write faster than the ceiling; the host's replies are counted as the portal receives them. The warm-up
    // starts with the first reply: a fetch-mode bot idle since its greetings picks the load up with its next idle poll
    // (up to Fetch:IdleDelay later), and until then the portal's burst is unspent, which would count above the ceiling.
    private static async Task<Rate> HostedAsync(EmulatedPortal portal, int botId, List<int> users, double messagesPerSecond, TimeSpan warmUp, TimeSpan window)
    {
        int Replies() => portal.GetMessages(null).Count(m => m.PostedByBotId == botId && m.Text.StartsWith("You said: load", StringComparison.Ordinal));
        WindowMeter? meter = null;
        var clock = Stopwatch.StartNew();
        for (var n = 0; meter is null || !meter.Done; n++)
        {
            meter ??= Replies() > 0 ? new WindowMeter(warmUp, window, () => portal.Limits.Refused, Replies) : null;
            var due = TimeSpan.FromSeconds(n / messagesPerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            await portal.SendUserMessageAsync(users[n % users.Count], botId.ToString(CultureInfo.InvariantCulture), $"load {n}");
            meter?.Poll();
        }

        return meter.Result();
    }
}
