using System.Net;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.Tests.State;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.Delivery;

public sealed class RateLimitedClientTests
{
    private const string Portal = "limits.bitrix24.test";
    private static readonly RateLimit Limit = new(1, 2);

    private readonly FakeTimeProvider _clock = new();
    private readonly InMemoryRateLimitStore _store;
    private readonly ScriptedClient _portal = new();
    private readonly RateLimitedClient _client;

    public RateLimitedClientTests()
    {
        _store = new InMemoryRateLimitStore(_clock);
        _client = new RateLimitedClient(_portal, Limiter(_store), Portal);
    }

    [Fact]
    public async Task CallAsync_BurstSpent_WaitsUntilTheBucketLetsOneMoreThrough()
    {
        await _client.CallAsync(Sends.Message("1", "a"), CancellationToken.None);
        await _client.CallAsync(Sends.Message("1", "b"), CancellationToken.None);

        var third = _client.CallAsync(Sends.Message("1", "c"), CancellationToken.None);
        await Eventually.TrueAsync(() => _clock.ActiveTimerCount == 1, "the call waits for the bucket");
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, _portal.Calls);
    }

    [Fact]
    public async Task CallAsync_QueryLimitExceeded_HoldsTheBucketForEveryoneThenRetries()
    {
        _portal.Failure = n => n == 1 ? new BitrixApiException(BitrixErrors.QueryLimitExceeded, "too fast", HttpStatusCode.ServiceUnavailable) : null;

        var call = _client.CallAsync(Sends.Message("1", "a"), CancellationToken.None);
        await Eventually.TrueAsync(() => _clock.ActiveTimerCount == 1, "the call waits for the held bucket");

        // Another replica asking now is refused too, though the bucket had room before the portal complained.
        Assert.NotEqual(TimeSpan.Zero, await _store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _portal.Calls);
    }

    [Fact]
    public async Task CallAsync_AnyOther429_IsTreatedLikeQueryLimitExceeded()
    {
        _portal.Failure = n => n == 1 ? new BitrixApiException("TOO_MANY_REQUESTS", "slow down", HttpStatusCode.TooManyRequests) : null;

        var call = _client.CallAsync(Sends.Message("1", "a"), CancellationToken.None);
        await Eventually.TrueAsync(() => _clock.ActiveTimerCount == 1, "the call backs off");
        _clock.Advance(TimeSpan.FromSeconds(1));

        await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _portal.Calls);
    }

    [Fact]
    public async Task CallAsync_OperationTimeLimit_WaitsUntilOperatingResetAtWithoutHoldingTheBucket()
    {
        var resetAt = _clock.GetUtcNow().AddSeconds(30).ToUnixTimeSeconds();
        _portal.Failure = n => n == 1 ? new BitrixApiException(BitrixErrors.OperationTimeLimit, "budget spent", HttpStatusCode.TooManyRequests, resetAt) : null;

        var call = _client.CallAsync(Sends.Message("1", "a"), CancellationToken.None);
        await Eventually.TrueAsync(() => _clock.ActiveTimerCount == 1, "the call waits for the method's budget");

        // Only this method is limited: other calls still get through the bucket.
        Assert.Equal(TimeSpan.Zero, await _store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False(call.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, _portal.Calls);
    }

    [Fact]
    public async Task CallAsync_RateLimitedEveryTime_GivesTheRefusalToTheCallerAfterMaxAttempts()
    {
        _portal.Failure = _ => new BitrixApiException(BitrixErrors.QueryLimitExceeded, "too fast", HttpStatusCode.ServiceUnavailable);

        var call = _client.CallAsync(Sends.Message("1", "a"), CancellationToken.None);
        for (var attempt = 1; attempt < RateLimitedClient.MaxAttempts; attempt++)
        {
            await Eventually.TrueAsync(() => _clock.ActiveTimerCount == 1 && _portal.Calls == attempt, $"backoff {attempt}");

            // The longest hold of this backoff and no more: the next hold is at least as long, so it cannot end within.
            _clock.Advance(TimeSpan.FromSeconds(1 << (attempt - 1)));
        }

        var error = await Assert.ThrowsAsync<BitrixApiException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(BitrixErrors.QueryLimitExceeded, error.Error);
        Assert.Equal(RateLimitedClient.MaxAttempts, _portal.Calls);
    }

    [Fact]
    public async Task CallAsync_OtherError_ReachesTheCallerAtOnce()
    {
        _portal.Failure = _ => new BitrixApiException("ACCESS_DENIED", "no", HttpStatusCode.Forbidden);

        await Assert.ThrowsAsync<BitrixApiException>(() => _client.CallAsync(Sends.Message("1", "a"), CancellationToken.None));

        Assert.Equal(1, _portal.Calls);
    }

    [Fact]
    public async Task CallAsync_SharedStoreUnreachable_LimitsWithABucketInThisProcess()
    {
        var client = new RateLimitedClient(_portal, Limiter(new UnreachableStore()), Portal);
        await client.CallAsync(Sends.Message("1", "a"), CancellationToken.None);
        await client.CallAsync(Sends.Message("1", "b"), CancellationToken.None);

        var third = client.CallAsync(Sends.Message("1", "c"), CancellationToken.None);
        await Eventually.TrueAsync(() => _clock.ActiveTimerCount == 1, "the call waits for the local bucket");
        _clock.Advance(TimeSpan.FromSeconds(1));

        await third.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PortalConnection_WithALimiter_MakesEveryClientPassIt()
    {
        using var portal = new ScriptedPortal();
        var connection = new PortalConnection(new Uri("https://limits.bitrix24.test/rest/1/code/"), new HandlerClients(portal), Limiter(_store));
        var client = connection.CreateClient("token", 5);
        await client.CallAsync(Sends.Message("1", "a"), CancellationToken.None);
        await connection.CreateClient(null, null).CallAsync(Sends.Message("1", "b"), CancellationToken.None);

        var third = client.CallAsync(Sends.Message("1", "c"), CancellationToken.None);
        await Eventually.TrueAsync(() => _clock.ActiveTimerCount == 1, "the third request waits for the bucket");
        Assert.Equal(2, portal.Requests.Count);
        _clock.Advance(TimeSpan.FromSeconds(1));

        await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, portal.Requests.Count);
    }

    private PortalRateLimiter Limiter(IRateLimitStore store) =>
        new(store, Limit, _clock, NullLogger<PortalRateLimiter>.Instance);

    private sealed class UnreachableStore : IRateLimitStore
    {
        public Task<TimeSpan> TryAcquireAsync(string portal, RateLimit limit, CancellationToken cancellationToken) =>
            Task.FromException<TimeSpan>(new InvalidOperationException("Redis is not reachable"));

        public Task HoldAsync(string portal, RateLimit limit, TimeSpan hold, CancellationToken cancellationToken) =>
            Task.FromException(new InvalidOperationException("Redis is not reachable"));
    }
}
