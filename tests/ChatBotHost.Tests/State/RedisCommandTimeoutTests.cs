using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;
using StackExchange.Redis;

namespace ChatBotHost.Tests.State;

/// <summary>
/// Every Redis call is bounded: by the client's asyncTimeout, or sooner by the caller's token. Each test pauses a
/// server of its own (CLIENT PAUSE), so the shared one of the "redis" collection is never held up.
/// </summary>
public sealed class RedisCommandTimeoutTests
{
    // Far longer than any wait below: a call that returns is one that gave up, not one the server answered.
    private const string PauseMilliseconds = "30000";

    [Fact]
    public async Task ExecuteAsync_ServerStopsAnswering_FailsWithTheClientsTimeout()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = new RedisConnection(server.ConfigurationString + ",allowAdmin=true,asyncTimeout=300");
        await PauseAsync(connection);

        await Assert.ThrowsAsync<RedisTimeoutException>(() => connection.PingAsync());
    }

    [Fact]
    public async Task ExecuteAsync_CancelledWhileServerStopsAnswering_StopsWaiting()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = new RedisConnection(server.ConfigurationString + ",allowAdmin=true,asyncTimeout=60000");
        await PauseAsync(connection);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.PingAsync(cancellation.Token));

        // Cancelled is not finished: closing the connection would wait for the paused PING, so the server goes first.
        await server.DisposeAsync();
    }

    [Fact]
    public async Task ExecuteAsync_ServerGone_FailsAsUnreachableInsteadOfWaitingInTheBacklog()
    {
        var server = await RedisServer.StartAsync();
        // A minute's timeout: a call that is kept in the client's backlog would fail with RedisTimeoutException only then.
        await using var connection = new RedisConnection(server.ConfigurationString + ",asyncTimeout=60000,connectTimeout=60000");
        await connection.PingAsync();
        await server.DisposeAsync();

        var failure = await Record.ExceptionAsync(() => connection.PingAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.IsType<ChatBotHost.State.StateStoreUnavailableException>(failure);
    }

    [Fact]
    public async Task ScanAsync_CancelledToken_ReadsNoPage()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = new RedisConnection(server.ConfigurationString);
        await connection.ExecuteAsync(database => database.StringSetAsync("scan:key", "1"), CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.ScanAsync("scan:*", new CancellationToken(canceled: true)));
    }

    // allowAdmin in the configuration: the client refuses CLIENT otherwise. PING first, so the pause hits an
    // established connection rather than the handshake.
    private static async Task PauseAsync(RedisConnection connection)
    {
        await connection.PingAsync();
        await connection.ExecuteAsync(database => database.ExecuteAsync("CLIENT", "PAUSE", PauseMilliseconds, "ALL"), CancellationToken.None);
    }
}
