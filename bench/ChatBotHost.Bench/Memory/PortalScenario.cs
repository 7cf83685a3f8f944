using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ChatBotHost.Emulator;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Bench.Memory;

/// <summary>
/// A portal and Redis, as the container runs: Production environment, JSON log lines, the emulator as the portal (in
/// the benchmark's process) and a fresh redis-server per run; every sample bot has a token, echo polls in fetch mode
/// with the default delays. The events are messages from ten users in their private chats with echo.
/// </summary>
internal sealed class PortalScenario : MemoryScenario
{
    private static readonly string[] Bots = ["echo", "counter", "helpdesk", "reminder", "digest"];
    private const int Users = 10;

    private readonly List<int> _users = [];
    private BitrixEmulator? _emulator;
    private RedisServer? _redis;
    private int _echo;

    public override string Name => "portal and Redis (emulator as the portal, fetch mode)";

    protected override bool UsesRedis => true;

    protected override Dictionary<string, string> YardstickEnvironment(RedisServer? redis)
    {
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Floor__LogFormat"] = "json" };
        if (redis is not null)
        {
            environment["Floor__Redis"] = redis.ConfigurationString;
        }

        return environment;
    }

    protected override async Task<HostProcess> StartHostAsync(HttpClient http)
    {
        await StopPortalAsync();
        _users.Clear();
        _redis = await RedisServer.StartAsync();
        _emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ChatBotHost__LogFormat"] = "json",
            ["ChatBotHost__Portal__WebhookUrl"] = _emulator.WebhookUrl.AbsoluteUri,
            ["ChatBotHost__Redis__Configuration"] = _redis.ConfigurationString,
        };
        foreach (var bot in Bots)
        {
            environment[$"ChatBotHost__Bots__{bot}__BotToken"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }

        return HostProcess.Start(BenchHost.FreePort(), environment);
    }

    protected override async Task PrepareAsync(HttpClient http, HostProcess host)
    {
        var portal = _emulator!.Portal;
        var waited = Stopwatch.StartNew();
        while (Bots.Any(b => portal.FindBot(b) is null))
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException($"The bots were not registered within a minute:{Environment.NewLine}{host.Output()}");
            }

            await Task.Delay(200);
        }

        _echo = portal.FindBot("echo")!.Id;
        for (var i = 0; i < Users; i++)
        {
            var user = portal.AddUser("Memory", $"User{i.ToString(CultureInfo.InvariantCulture)}");
            await portal.OpenPrivateChatAsync(user.Id, _echo);
            _users.Add(user.Id);
        }
    }

    protected override Task SendAsync(HttpClient http, HostProcess host, int events)
    {
        var dialog = _echo.ToString(CultureInfo.InvariantCulture);
        return SendConcurrentlyAsync(events, n =>
            _emulator!.Portal.SendUserMessageAsync(_users[n % _users.Count], dialog, $"load {n.ToString(CultureInfo.InvariantCulture)}"));
    }

    protected override Task<int> RepliesAsync(HttpClient http, HostProcess host) =>
        Task.FromResult(_emulator!.Portal.GetMessages(null).Count(m => m.PostedByBotId == _echo && IsLoadReply(m.Text)));

    public async Task StopPortalAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
            _emulator = null;
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
            _redis = null;
        }
    }
}
