using ChatBotHost.Confirmation;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.Confirmation;

[Collection(RedisCollection.Name)]
public sealed class RedisMethodConfirmWaitsTests(RedisFixture redis) : MethodConfirmWaitsContract, IDisposable
{
    private readonly RedisConnection _connection = new(redis.Server.ConfigurationString);

    internal override Task<IMethodConfirmWaits> CreateAsync() =>
        Task.FromResult<IMethodConfirmWaits>(new RedisMethodConfirmWaits(_connection, new RedisKeys()));

    [Fact]
    public async Task RecordAsync_Wait_KeyUnderThePortalsHashTagExpiresWithinTheRetention()
    {
        var waits = await CreateAsync();

        await waits.RecordAsync(Portal, "tasks.task.add", new MethodConfirmWait("helpdesk", "1"), CancellationToken.None);

        var database = await _connection.GetDatabaseAsync(CancellationToken.None);
        var ttl = await database.KeyTimeToLiveAsync($"cbh:{{{Portal}}}:confirmwaits:tasks.task.add");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, IMethodConfirmWaits.Retention - TimeSpan.FromMinutes(1), IMethodConfirmWaits.Retention);
    }

    [Fact]
    public void MethodConfirmWaits_Key_IsCoveredByThePortalsPurgePatterns()
    {
        var keys = new RedisKeys();
        var key = keys.MethodConfirmWaits(Portal, "tasks.task.add");

        Assert.Contains(keys.PortalKeyPatterns(Portal), pattern => pattern.EndsWith("}:*", StringComparison.Ordinal) && key.StartsWith(pattern[..^1], StringComparison.Ordinal));
    }

    public void Dispose() => _connection.Dispose();
}
