using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Delivery;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.Intake.Fetch;
using ChatBotHost.Operations.Metrics;
using ChatBotHost.Registration;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.Tests.Pipeline;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace ChatBotHost.Tests.Intake.Fetch;

/// <summary>
/// The host's fetch path in one process on a fake clock: an echo bot registered on the emulator, the fetch receiver
/// polling through the real outbox, the inbox's workers and the portal's rate limiter; the emulator enforces the same
/// bucket on the same clock, so a request the host sends too early is refused and counted.
/// </summary>
internal sealed class EmulatedFetchHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly BitrixEmulator _emulator;
    private readonly PipelineHarness _harness;
    private Task? _polling;

    private EmulatedFetchHost(BitrixEmulator emulator, PipelineHarness harness, HostedBot bot, FakeTimeProvider clock)
    {
        _emulator = emulator;
        _harness = harness;
        Bot = bot;
        Clock = clock;
    }

    public HostedBot Bot { get; }

    // The host's call pipeline on the test's clock and limiter: the polls and replies share one bucket, as in the host.
    private static CallPipeline Pipeline(ChatBotHostOptions options, PortalRateLimiter limiter, FakeTimeProvider clock) => new(
        new PortalRetryPolicy(options.SendQueue, clock),
        limiter,
        new PortalSuspensions(clock, NullLogger<PortalSuspensions>.Instance),
        metrics: null,
        NullLogger<CallPipeline>.Instance);

    public FakeTimeProvider Clock { get; }

    public EmulatedPortal Portal => _emulator.Portal;

    /// <summary>Registers the bot (the emulator's bucket is switched on only afterwards), then starts workers and poller.</summary>
    public static async Task<EmulatedFetchHost> StartAsync(RateLimit limit, ChatBotHostOptions options)
    {
        var clock = new FakeTimeProvider();
        var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock }, CancellationToken.None);
        var limiter = new PortalRateLimiter(new InMemoryRateLimitStore(clock), limit, clock, NullLogger<PortalRateLimiter>.Instance);
        var http = new Mock<IHttpClientFactory>();
        http.Setup(f => f.CreateClient(It.IsAny<string>())).Returns(() => new HttpClient());
        var definition = new BotBuilder().Profile("echo", "Echo")
            .OnMessage((message, turn, ct) => turn.ReplyAsync($"You said: {message.Message.Text}", ct))
            .On<BotJoinedChat>((_, turn, ct) => turn.ReplyAsync("Hi!", ct))
            .Build("Echo");
        var bot = new HostedBot(definition, new BotSettings(), "fetch-host-token-0123456789", new PortalConnection(emulator.WebhookUrl, http.Object, Pipeline(options, limiter, clock)));
        var lifetime = new Mock<IHostApplicationLifetime>();
        var harness = new PipelineHarness(services =>
        {
            services.AddSingleton(Options.Create(options));
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IInboxStore>(new InMemoryInboxStore());
            services.AddSingleton<IOffsetStore>(new InMemoryOffsetStore());
            services.AddSingleton(lifetime.Object);
            services.AddSingleton(new BotDirectory([bot]));
            services.AddSingleton(limiter);
            services.AddMetrics();
            services.AddSingleton<HostMetrics>();
            services.AddSendQueue();
            services.AddInbox();
            services.AddSingleton<FetchReceiver>();
        });
        var host = new EmulatedFetchHost(emulator, harness, bot, clock);
        var registering = harness.Services.GetRequiredService<BotReconciler>().ReconcileAsync(bot, CancellationToken.None);
        await host.PumpUntilAsync(() => registering.IsCompleted, "the bot is registered");
        await registering;
        bot.MarkReady();
        emulator.Portal.Limits.SetRateLimit(new Emulator.Limits.RateLimitOptions { DrainPerSecond = limit.DrainPerSecond, Burst = limit.Burst });
        await harness.Services.GetRequiredService<InboxWorkers>().StartAsync(CancellationToken.None);
        host._polling = Task.Run(() => harness.Services.GetRequiredService<FetchReceiver>().RunAsync(bot, host._stopping.Token));
        return host;
    }

    /// <summary>Moves the fake clock in small steps, giving the host real time between them, until the condition holds.</summary>
    public Task PumpUntilAsync(Func<bool> condition, string what) =>
        ClockPump.AdvanceUntilAsync(Clock, condition, what, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_polling is not null)
        {
            await _polling.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await _harness.Services.GetRequiredService<InboxWorkers>().StopAsync(new CancellationToken(canceled: true));
        await _harness.Services.GetRequiredService<SendQueue>().DisposeAsync();
        await _harness.DisposeAsync();
        await _emulator.DisposeAsync();
        _stopping.Dispose();
    }
}
