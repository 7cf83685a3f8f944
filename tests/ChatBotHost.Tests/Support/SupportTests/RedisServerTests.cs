using ChatBotHost.State.Redis;

namespace ChatBotHost.Tests.Support.SupportTests;

public sealed class RedisServerTests
{
    [Fact]
    public async Task RestartAsync_RunningServer_ServesAgainOnSamePortWithDataGone()
    {
        await using var server = await RedisServer.StartAsync();
        var port = server.Port;
        using (var connection = new RedisConnection(server.ConfigurationString))
        {
            var database = await connection.GetDatabaseAsync(CancellationToken.None);
            await database.StringSetAsync("k", "v");
        }

        await server.RestartAsync();

        Assert.Equal(port, server.Port);
        await using var fresh = new RedisConnection(server.ConfigurationString);
        var db = await fresh.GetDatabaseAsync(CancellationToken.None);
        Assert.False(await db.KeyExistsAsync("k"));
    }

    [Fact]
    public async Task FlushAsync_KeysStored_RemovesThem()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = new RedisConnection(server.ConfigurationString);
        var database = await connection.GetDatabaseAsync(CancellationToken.None);
        await database.StringSetAsync("k", "v");

        await server.FlushAsync();

        Assert.False(await database.KeyExistsAsync("k"));
    }
}
