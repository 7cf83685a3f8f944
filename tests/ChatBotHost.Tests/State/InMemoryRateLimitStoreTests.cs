using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.State;

public sealed class InMemoryRateLimitStoreTests : RateLimitStoreContract
{
    private readonly FakeTimeProvider _clock = new();

    protected override Task<IRateLimitStore> CreateAsync() => Task.FromResult<IRateLimitStore>(new InMemoryRateLimitStore(_clock));

    [Fact]
    public async Task TryAcquireAsync_ManyNamesThatDrained_AreForgotten()
    {
        // Install attempts are counted per member_id the sender names: a stream of invented ones must not grow memory.
        var store = new InMemoryRateLimitStore(_clock);
        for (var i = 0; i < 10_000; i++)
        {
            await store.TryAcquireAsync($"install/{i}", Limit, CancellationToken.None);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.InRange(store.BucketCount, 1, 2 * 1024);
        Assert.NotEqual(TimeSpan.Zero, await FillAndTryAsync(store, "install/held"));
    }

    private static async Task<TimeSpan> FillAndTryAsync(InMemoryRateLimitStore store, string name)
    {
        for (var i = 0; i < Limit.Burst; i++)
        {
            await store.TryAcquireAsync(name, Limit, CancellationToken.None);
        }

        return await store.TryAcquireAsync(name, Limit, CancellationToken.None);
    }

    [Fact]
    public async Task TryAcquireAsync_AfterTheWaitItReturned_Admits()
    {
        var store = await CreateAsync();
        await FillAsync(store);
        var wait = await store.TryAcquireAsync(Portal, Limit, CancellationToken.None);

        _clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        Assert.NotEqual(TimeSpan.Zero, await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(TimeSpan.Zero, await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_FullBucketTwoSecondsLater_AdmitsTwoAtOnePerSecond()
    {
        var store = await CreateAsync();
        await FillAsync(store);

        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.Zero, await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
        Assert.Equal(TimeSpan.Zero, await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(1), await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_LongIdle_AdmitsNoMoreThanTheBurst()
    {
        var store = await CreateAsync();
        await FillAsync(store);

        _clock.Advance(TimeSpan.FromHours(1));

        await FillAsync(store);
        Assert.NotEqual(TimeSpan.Zero, await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
    }

    [Fact]
    public async Task HoldAsync_AfterTheHold_AdmitsOneThenRefuses()
    {
        var store = await CreateAsync();
        await store.HoldAsync(Portal, Limit, TimeSpan.FromSeconds(10), CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.Zero, await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(1), await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
    }

    private async Task FillAsync(IRateLimitStore store)
    {
        for (var i = 0; i < Limit.Burst; i++)
        {
            Assert.Equal(TimeSpan.Zero, await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
        }
    }
}
