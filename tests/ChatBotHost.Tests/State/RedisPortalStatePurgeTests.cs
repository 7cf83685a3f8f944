using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisPortalStatePurgeTests(RedisFixture redis) : IDisposable
{
    internal static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly RedisConnection _connection = new(redis.Server.ConfigurationString);
    private readonly RedisKeys _keys = new("purge" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task PurgeAsync_OnePortal_RemovesItsInboxOffsetsDeadLettersBucketAndTimers_AndLeavesTheOtherPortal()
    {
        var gone = TestPortals.Unique() + "*[x]";
        var kept = TestPortals.Unique();
        foreach (var portal in new[] { gone, kept })
        {
            await WriteStateAsync(_connection, _keys, portal);
        }

        var removed = await new RedisPortalStatePurge(_connection, _keys).PurgeAsync(gone, CancellationToken.None);

        Assert.True(removed >= 6, $"only {removed} removed");
        Assert.Empty(await KeysOfAsync(gone));
        Assert.NotEmpty(await KeysOfAsync(kept));
        Assert.Equal(0, await new RedisInboxStore(_connection, _keys).DepthAsync(gone, CancellationToken.None));
        Assert.Equal(1, await new RedisInboxStore(_connection, _keys).DepthAsync(kept, CancellationToken.None));
        Assert.Null(await new RedisOffsetStore(_connection, _keys).GetAsync(gone, "echo", CancellationToken.None));
        Assert.Equal(42, await new RedisOffsetStore(_connection, _keys).GetAsync(kept, "echo", CancellationToken.None));
        var due = await new RedisTimerStore(_connection, _keys).ClaimDueAsync(T0.AddHours(1), TimeSpan.FromSeconds(30), 10, CancellationToken.None);
        Assert.Equal([kept], due.Select(t => t.Timer.Portal));
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>One bot's inbox item, offset, dead letter, rate-limit bucket and timer: a key of every per-portal family.</summary>
    internal static async Task WriteStateAsync(RedisConnection connection, RedisKeys keys, string portal)
    {
        await new RedisInboxStore(connection, keys).EnqueueAsync(
            new InboxItem { Portal = portal, BotCode = "echo", DialogId = "7", DeduplicationKey = "e:1", Source = InboxItem.Sources.Fetch, Payload = "{}", ReceivedAt = T0 },
            CancellationToken.None);
        await new RedisOffsetStore(connection, keys).AdvanceAsync(portal, "echo", 42, CancellationToken.None);
        await new RedisDeadLetterStore(connection, keys).AddAsync(
            new DeadLetter { Portal = portal, BotCode = "echo", Kind = DeadLetter.Kinds.Event, Reason = "r", At = T0, Payload = "{}" },
            CancellationToken.None);
        await new RedisRateLimitStore(connection, keys).TryAcquireAsync(portal, RateLimit.Standard, CancellationToken.None);
        await new RedisTimerStore(connection, keys).ScheduleAsync(
            new TimerEntry { Portal = portal, BotCode = "echo", Id = "t1", DialogId = "7", DueAt = T0, Kind = "Message", Name = "n" },
            CancellationToken.None);
    }

    private async Task<IReadOnlyList<string>> KeysOfAsync(string portal)
    {
        var keys = new List<string>();
        foreach (var pattern in _keys.PortalKeyPatterns(portal))
        {
            keys.AddRange((await _connection.ScanAsync(pattern, CancellationToken.None)).Select(k => (string)k!));
        }

        return keys;
    }
}
