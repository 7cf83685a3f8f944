using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisRateLimitStoreTests(RedisFixture redis) : RateLimitStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(redis.Server.ConfigurationString);
    private readonly RedisConnection _otherReplica = new(redis.Server.ConfigurationString);
    private readonly RedisKeys _keys = new();

    protected override Task<IRateLimitStore> CreateAsync() =>
        Task.FromResult<IRateLimitStore>(new RedisRateLimitStore(_connection, _keys));

    [Fact]
    public async Task TryAcquireAsync_TwoReplicas_ShareOneBucket()
    {
        var first = await CreateAsync();
        var second = new RedisRateLimitStore(_otherReplica, _keys);

        for (var i = 0; i < Limit.Burst; i++)
        {
            var store = i % 2 == 0 ? first : second;
            Assert.Equal(TimeSpan.Zero, await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
        }

        Assert.NotEqual(TimeSpan.Zero, await second.TryAcquireAsync(Portal, Limit, CancellationToken.None));
        Assert.NotEqual(TimeSpan.Zero, await first.TryAcquireAsync(Portal, Limit, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_FullBucketWrittenTwoSecondsAgoByRedisClock_HasDrainedTwo()
    {
        var store = await CreateAsync();
        var database = await _connection.GetDatabaseAsync(CancellationToken.None);
        // Writing the bucket as Redis's clock saw it two seconds ago stands in for waiting two seconds.
        var now = await RedisNowMsAsync();
        await database.HashSetAsync(_keys.RateLimit(Portal), [new("l", Limit.Burst), new("t", now - 2000)]);

        Assert.Equal(TimeSpan.Zero, await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
        Assert.Equal(TimeSpan.Zero, await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
        Assert.NotEqual(TimeSpan.Zero, await store.TryAcquireAsync(Portal, Limit, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_Admitted_KeyExpiresOnceTheBucketWouldBeEmpty()
    {
        var store = await CreateAsync();

        await store.TryAcquireAsync(Portal, Limit, CancellationToken.None);
        await store.TryAcquireAsync(Portal, Limit, CancellationToken.None);

        var database = await _connection.GetDatabaseAsync(CancellationToken.None);
        var ttl = await database.KeyTimeToLiveAsync($"cbh:{{{Portal}}}:ratelimit");
        Assert.NotNull(ttl);
        // Level 2 at one per second: empty after 2 s, plus the 1 s margin.
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
    }

    public void Dispose()
    {
        _connection.Dispose();
        _otherReplica.Dispose();
    }

    private async Task<long> RedisNowMsAsync()
    {
        var database = await _connection.GetDatabaseAsync(CancellationToken.None);
        var time = (StackExchange.Redis.RedisResult[])(await database.ExecuteAsync("TIME"))!;
        return ((long)time[0] * 1000) + ((long)time[1] / 1000);
    }
}
