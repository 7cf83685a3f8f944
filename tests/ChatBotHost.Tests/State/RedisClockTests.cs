using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.State;

/// <summary>The clock replicas agree on: the local clock moved by its measured offset from the Redis server's.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisClockTests(RedisFixture redis)
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Align_ServerAheadByTwoSeconds_MovesTheWallClockByThat_TakingTheSampleHalfwayThroughTheRoundTrip()
    {
        var local = new FakeTimeProvider(T0);
        var clock = new RedisAlignedClock(local);

        Assert.True(clock.Align(T0, T0 + TimeSpan.FromMilliseconds(2005), T0 + TimeSpan.FromMilliseconds(10)));

        Assert.Equal(TimeSpan.FromSeconds(2), clock.Offset);
        Assert.Equal(T0 + TimeSpan.FromSeconds(2), clock.GetUtcNow());
        local.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(T0 + TimeSpan.FromSeconds(62), clock.GetUtcNow());
        Assert.Equal(local.GetTimestamp(), clock.GetTimestamp());
    }

    [Fact]
    public void Align_SampleWhoseRoundTripWasTooSlow_IsIgnored()
    {
        var clock = new RedisAlignedClock(new FakeTimeProvider(T0));
        clock.Align(T0, T0 - TimeSpan.FromSeconds(3), T0);

        Assert.False(clock.Align(T0, T0 + TimeSpan.FromHours(1), T0 + RedisAlignedClock.MaxRoundTrip + TimeSpan.FromTicks(1)));

        Assert.Equal(TimeSpan.FromSeconds(-3), clock.Offset);
    }

    [Fact]
    public async Task AlignOnce_AgainstARealRedis_ReadsItsTime()
    {
        await using var connection = new RedisConnection(redis.Server.ConfigurationString);
        var clock = new RedisAlignedClock(TimeProvider.System);
        var alignment = new RedisClockAlignment(connection, clock, NullLogger<RedisClockAlignment>.Instance);

        Assert.True(await alignment.AlignOnceAsync(CancellationToken.None));

        // The server runs on this machine, so its clock is this one: a misread TIME reply would be far off.
        Assert.InRange(clock.Offset, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AddStateStores_WithRedis_TheHostClockIsTheAlignedOne_UnlessAClockWasRegisteredFirst()
    {
        await using (var provider = new ServiceCollection().AddStateStores(redis.Server.ConfigurationString).BuildServiceProvider())
        {
            Assert.IsType<RedisAlignedClock>(provider.GetRequiredService<TimeProvider>());
        }

        var fake = new FakeTimeProvider(T0);
        await using var withFake = new ServiceCollection().AddSingleton<TimeProvider>(fake).AddStateStores(redis.Server.ConfigurationString).BuildServiceProvider();
        Assert.Same(fake, withFake.GetRequiredService<TimeProvider>());
    }
}
