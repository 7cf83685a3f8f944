using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>
/// What every IRateLimitStore must do; run against each implementation by a subclass. Nothing here waits for time
/// to pass: the drain is slow enough that the few milliseconds a test takes change no answer.
/// </summary>
public abstract class RateLimitStoreContract
{
    /// <summary>Five at once, then one per second.</summary>
    protected static readonly RateLimit Limit = new(1, 5);

    protected string Portal { get; } = TestPortals.Unique();

    protected abstract Task<IRateLimitStore> CreateAsync();

    [Fact]
    public async Task TryAcquireAsync_EmptyBucket_AdmitsTheBurstThenRefusesWithAWaitOfAtMostOneDrain()
    {
        var store = await CreateAsync();

        for (var i = 0; i < Limit.Burst; i++)
        {
            Assert.Equal(TimeSpan.Zero, await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
        }

        var wait = await store.TryAcquireAsync(Portal, Limit, CancellationToken.None);
        Assert.InRange(wait, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task TryAcquireAsync_Refused_AddsNothingToTheBucket()
    {
        var store = await CreateAsync();
        for (var i = 0; i < Limit.Burst; i++)
        {
            await store.TryAcquireAsync(Portal, Limit, CancellationToken.None);
        }

        for (var i = 0; i < 10; i++)
        {
            // Each refusal still waits one drain at most: refused requests do not pile up in the bucket.
            Assert.InRange(await store.TryAcquireAsync(Portal, Limit, CancellationToken.None), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task TryAcquireAsync_OtherPortal_HasItsOwnBucket()
    {
        var store = await CreateAsync();
        for (var i = 0; i < Limit.Burst; i++)
        {
            await store.TryAcquireAsync(Portal, Limit, CancellationToken.None);
        }

        Assert.Equal(TimeSpan.Zero, await store.TryAcquireAsync(TestPortals.Unique(), Limit, CancellationToken.None));
    }

    [Fact]
    public async Task HoldAsync_EmptyBucket_RefusesForTheHold()
    {
        var store = await CreateAsync();

        await store.HoldAsync(Portal, Limit, TimeSpan.FromSeconds(10), CancellationToken.None);

        var wait = await store.TryAcquireAsync(Portal, Limit, CancellationToken.None);
        Assert.InRange(wait, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task HoldAsync_ShorterThanTheWaitAlreadyThere_KeepsTheLongerWait()
    {
        var store = await CreateAsync();
        await store.HoldAsync(Portal, Limit, TimeSpan.FromSeconds(30), CancellationToken.None);

        await store.HoldAsync(Portal, Limit, TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.InRange(await store.TryAcquireAsync(Portal, Limit, CancellationToken.None), TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task TryAcquireAsync_TwentyConcurrentRequests_AdmitsExactlyTheBurst()
    {
        var store = await CreateAsync();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, 20)
            .Select(_ => Task.Run(async () =>
            {
                await go.Task;
                return await store.TryAcquireAsync(Portal, Limit, CancellationToken.None);
            }))
            .ToArray();

        go.SetResult();

        var waits = await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Limit.Burst, waits.Count(wait => wait == TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(-1, 5)]
    [InlineData(double.NaN, 5)]
    [InlineData(2, 0)]
    public async Task TryAcquireAsync_InvalidLimit_Throws(double drain, int burst)
    {
        var store = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.TryAcquireAsync(Portal, new RateLimit(drain, burst), CancellationToken.None));
    }
}
