using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Revision;
using ChatBotHost.Configuration;
using ChatBotHost.Delivery;
using ChatBotHost.Emulator;
using ChatBotHost.Hosting;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.Tests.State;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.Delivery;

/// <summary>
/// The host's call pipeline against the emulator (a real HTTP server) as the incoming-webhook portal, with the shared
/// bucket in memory, and the emulator, the bucket and the retry policy on one fake clock.
/// </summary>
internal sealed class PipelineBed : IAsyncDisposable
{
    public const string Revision = "imbot.v2.Revision.get";

    private readonly SocketsHttpHandler _http = new();

    private PipelineBed(BitrixEmulator emulator, CountingFakeTimeProvider clock, SendQueueOptions options)
    {
        Emulator = emulator;
        Clock = clock;
        Store = new InMemoryRateLimitStore(clock);
        Limiter = new PortalRateLimiter(Store, new RateLimit(2, 50), clock, NullLogger<PortalRateLimiter>.Instance);
        Suspensions = new PortalSuspensions(clock, NullLogger<PortalSuspensions>.Instance);
        Pipeline = new CallPipeline(new PortalRetryPolicy(options, clock), Limiter, Suspensions, metrics: null, NullLogger<CallPipeline>.Instance);
        Connection = new PortalConnection(emulator.WebhookUrl, new HandlerClients(_http), Pipeline);
    }

    public BitrixEmulator Emulator { get; }

    public CountingFakeTimeProvider Clock { get; }

    public InMemoryRateLimitStore Store { get; }

    public PortalRateLimiter Limiter { get; }

    public PortalSuspensions Suspensions { get; }

    public CallPipeline Pipeline { get; }

    public PortalConnection Connection { get; }

    /// <summary>Requests the portal received for Revision.get, answered or refused by an injected fault.</summary>
    public int Revisions => Emulator.Portal.Calls.Count(c => c.Method == Revision);

    /// <summary>One wait of a second or less per retry: FirstRetryDelay = MaxRetryDelay = 1 s.</summary>
    public static async Task<PipelineBed> StartAsync(int maxAttempts = 8)
    {
        var clock = new CountingFakeTimeProvider();
        var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock }, CancellationToken.None);
        var options = new SendQueueOptions { MaxAttempts = maxAttempts, FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(1) };
        return new PipelineBed(emulator, clock, options);
    }

    /// <summary>Revision.get through the pipeline with <paramref name="path"/> (default: a direct call, retried in-line).</summary>
    public Task<RevisionGetResult> CallAsync(CallPath? path = null) =>
        Connection.CreateClient(null, null, path ?? CallPath.Direct).CallAsync(new RevisionGetRequest(), CancellationToken.None);

    /// <summary>The same with OAuth credentials from <paramref name="tokens"/> (the webhook endpoint ignores the auth parameter).</summary>
    public Task<RevisionGetResult> CallWithTokensAsync(ITokenProvider tokens)
    {
        var credentials = new OAuthCredentials(tokens, botId: null);
        var route = new CallRoute(Connection.Key, credentials, new BitrixClient(new HttpClient(_http, disposeHandler: false), credentials, refreshesToken: false));
        return Pipeline.SendAsync(() => route, new RevisionGetRequest(), CallPath.Direct, CancellationToken.None);
    }

    /// <summary>
    /// Moves the fake clock a second at a time, each time a timer waits on it, until the call ends: every retry of this
    /// bed waits at most a second, OPERATION_TIME_LIMIT until its reset. Returns the fake time that passed.
    /// </summary>
    public async Task<TimeSpan> DriveAsync(Task call, int maxSeconds = 120)
    {
        var started = Clock.GetUtcNow();
        for (var second = 0; second < maxSeconds && !call.IsCompleted; second++)
        {
            await Eventually.TrueAsync(() => call.IsCompleted || Clock.ActiveTimerCount > 0, "the call ends or waits on the clock");
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await call.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return Clock.GetUtcNow() - started;
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        _http.Dispose();
    }
}
