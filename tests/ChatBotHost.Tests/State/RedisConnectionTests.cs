using System.Net;
using System.Net.Sockets;
using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisConnectionTests(RedisFixture redis)
{
    private const string Password = "sup3r-s3cret-pw";

    [Fact]
    public async Task PingAsync_RunningServer_ReturnsRoundTripTime()
    {
        await using var connection = new RedisConnection(redis.Server.ConfigurationString);

        var roundTrip = await connection.PingAsync();

        Assert.True(roundTrip >= TimeSpan.Zero);
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_ThrowsNamingSettingWithoutPassword()
    {
        await using var connection = new RedisConnection($"127.0.0.1:{ClosedPort()},password={Password},connectTimeout=2000");

        var error = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => connection.ConnectAsync(CancellationToken.None));

        Assert.Contains("ChatBotHost:Redis:Configuration", error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingAsync_NothingListeningWithoutAbortConnect_ThrowsNamingSettingWithoutPassword()
    {
        await using var connection = new RedisConnection(
            $"127.0.0.1:{ClosedPort()},password={Password},abortConnect=false,connectTimeout=1000");

        var error = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => connection.PingAsync());

        Assert.Contains("ChatBotHost:Redis:Configuration", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownKeyword_ThrowsNamingSettingWithoutPassword()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => new RedisConnection($"127.0.0.1:6379,password={Password},colour=blue"));

        Assert.Contains("ChatBotHost:Redis:Configuration", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoEndpoint_ThrowsNamingSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RedisConnection("abortConnect=false"));

        Assert.Contains("ChatBotHost:Redis:Configuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_ConfigurationWithPassword_ListsHostsOnly()
    {
        using var connection = new RedisConnection($"redis.internal:6380,127.0.0.1:6379,password={Password}");

        Assert.Equal("redis.internal:6380,127.0.0.1:6379", connection.Endpoints);
    }

    [Fact]
    public async Task GetDatabaseAsync_AfterDispose_ThrowsObjectDisposed()
    {
        var connection = new RedisConnection(redis.Server.ConfigurationString);
        await connection.ConnectAsync(CancellationToken.None);

        await connection.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.GetDatabaseAsync(CancellationToken.None));
    }

    // A port that was free a moment ago; nothing listens there, so connecting is refused at once.
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
