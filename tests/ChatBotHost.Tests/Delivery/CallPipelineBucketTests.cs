using System.Net;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Configuration;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.Tests.State;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.Delivery;

/// <summary>The bucket stage of the call pipeline: a permit passed as a value, waits for the shared bucket, its local stand-in.</summary>
public sealed class CallPipelineBucketTests
{
    private const string Portal = "limits.bitrix24.test";
    private static readonly RateLimit Limit = new(1, 2);

    private readonly CountingFakeTimeProvider _clock = new();
    private readonly InMemoryRateLimitStore _store;
    private readonly ScriptedClient _portal = new();

    public CallPipelineBucketTests() => _store = new InMemoryRateLimitStore(_clock);

    [Fact]
    public async Task SendAsync_BurstSpent_WaitsUntilTheBucketLetsOneMoreThrough()
    {
        var pipeline = Pipeline(_store);
        await SendAsync(pipeline, CallPath.Once);
        await SendAsync(pipeline, CallPath.Once);

        var third = SendAsync(pipeline, CallPath.Once);
        await Eventually.TrueAsync(() => _clock.ActiveTimerCount == 1, "the call waits for the bucket");
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, _portal.Calls);
    }

    [Fact]
    public async Task SendAsync_PrepaidPermit_FirstRequestGoesWithoutTakingASlot()
    {
        var pipeline = Pipeline(_store);
        await SendAsync(pipeline, CallPath.Once);
        await SendAsync(pipeline, CallPath.Once);

        // The burst is spent, but the outbox already took this request's slot before it collected the calls.
        await SendAsync(pipeline, new CallPath(BucketPermit.Prepaid(), Retried: false)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, _portal.Calls);
    }

    [Fact]
    public async Task SendAsync_PrepaidPermitAndARepeat_TheRepeatWaitsForASlotOfItsOwn()
    {
        var pipeline = Pipeline(_store);
        await SendAsync(pipeline, CallPath.Once);
        await SendAsync(pipeline, CallPath.Once);
        _portal.Failure = n => n == 3 ? new BitrixApiException(BitrixErrors.BotNotFound, "gone", HttpStatusCode.BadRequest) : null;
        var path = new CallPath(BucketPermit.Prepaid(), Retried: false, ReRegister: _ => Task.CompletedTask);

        var call = SendAsync(pipeline, path);
        await Eventually.TrueAsync(() => _clock.ActiveTimerCount == 1 && _portal.Calls == 3, "the repeat waits for the bucket");
        _clock.Advance(TimeSpan.FromSeconds(1));

        await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(4, _portal.Calls);
    }

    [Fact]
    public async Task SendAsync_QueryLimitEveryTime_MakesMaxAttemptsInAllNotMore()
    {
        var pipeline = Pipeline(_store, maxAttempts: 3);
        _portal.Failure = _ => new BitrixApiException(BitrixErrors.QueryLimitExceeded, "too fast", HttpStatusCode.ServiceUnavailable);

        var call = SendAsync(pipeline, CallPath.Direct);
        for (var second = 0; second < 60 && !call.IsCompleted; second++)
        {
            // Each wait (the bucket held after the refusal, the backoff) lasts a second at most.
            await Eventually.TrueAsync(() => call.IsCompleted || _clock.ActiveTimerCount > 0, "the call ends or waits");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<BitrixApiException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(BitrixErrors.QueryLimitExceeded, error.Error);
        Assert.Equal(3, _portal.Calls);
    }

    [Fact]
    public async Task SendAsync_SharedStoreUnreachable_LimitsWithABucketInThisProcess()
    {
        var pipeline = Pipeline(new UnreachableStore());
        await SendAsync(pipeline, CallPath.Once);
        await SendAsync(pipeline, CallPath.Once);

        var third = SendAsync(pipeline, CallPath.Once);
        await Eventually.TrueAsync(() => _clock.ActiveTimerCount == 1, "the call waits for the local bucket");
        _clock.Advance(TimeSpan.FromSeconds(1));

        await third.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PortalConnection_OnAPipelineWithALimiter_MakesEveryClientPassIt()
    {
        using var portal = new ScriptedPortal();
        var connection = new PortalConnection(new Uri("https://limits.bitrix24.test/rest/1/code/"), new HandlerClients(portal), Pipeline(_store));
        var client = connection.CreateClient("token", 5);
        await client.CallAsync(Sends.Message("1", "a"), CancellationToken.None);
        await connection.CreateClient(null, null, CallPath.Once).CallAsync(Sends.Message("1", "b"), CancellationToken.None);

        var third = client.CallAsync(Sends.Message("1", "c"), CancellationToken.None);
        await Eventually.TrueAsync(() => _clock.ActiveTimerCount == 1, "the third request waits for the bucket");
        Assert.Equal(2, portal.Requests.Count);
        _clock.Advance(TimeSpan.FromSeconds(1));

        await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, portal.Requests.Count);
    }

    private Task<ChatMessageSendResult> SendAsync(CallPipeline pipeline, CallPath path)
    {
        var route = new CallRoute(Portal, new WebhookCredentials(new Uri($"https://{Portal}/rest/1/code/"), "token", 5), _portal);
        return pipeline.SendAsync(() => route, Sends.Message("1", "hi"), path, CancellationToken.None);
    }

    private CallPipeline Pipeline(IRateLimitStore store, int maxAttempts = 8) => new(
        new PortalRetryPolicy(new SendQueueOptions { MaxAttempts = maxAttempts, FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(1) }, _clock),
        new PortalRateLimiter(store, Limit, _clock, NullLogger<PortalRateLimiter>.Instance),
        new PortalSuspensions(_clock, NullLogger<PortalSuspensions>.Instance),
        metrics: null,
        NullLogger<CallPipeline>.Instance);

    private sealed class UnreachableStore : IRateLimitStore
    {
        public Task<TimeSpan> TryAcquireAsync(string portal, RateLimit limit, CancellationToken cancellationToken) =>
            Task.FromException<TimeSpan>(new InvalidOperationException("Redis is not reachable"));

        public Task HoldAsync(string portal, RateLimit limit, TimeSpan hold, CancellationToken cancellationToken) =>
            Task.FromException(new InvalidOperationException("Redis is not reachable"));
    }
}
