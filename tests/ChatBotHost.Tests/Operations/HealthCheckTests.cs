using ChatBotHost.Operations.Health;
using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Moq;

namespace ChatBotHost.Tests.Operations;

/// <summary>/health/ready is anonymous: its checks name states and counts, never endpoints, portals or domains.</summary>
[Collection(RedisCollection.Name)]
public sealed class HealthCheckTests(RedisFixture redis)
{
    [Fact]
    public async Task TokenCheck_PortalNeedsReinstall_CountsStatesWithoutNamingPortalsOrDomains()
    {
        var source = new Mock<IPortalHealthSource>();
        source.Setup(s => s.GetTokenStatesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new PortalTokenState("oauth.member-one", PortalTokenState.States.Ok, "one.bitrix24.com"),
            new PortalTokenState("oauth.member-two", PortalTokenState.States.NeedsReinstall, "two.bitrix24.com"),
            new PortalTokenState("portal.example", PortalTokenState.States.Webhook),
        ]);

        var result = await new TokenHealthCheck([source.Object]).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("1 of 3 portal(s) need attention", result.Description);
        Assert.Equal(new Dictionary<string, object> { ["ok"] = 1, ["needs-reinstall"] = 1, ["webhook"] = 1 }, result.Data);
    }

    [Fact]
    public async Task RedisCheck_Answering_NamesNoEndpoint()
    {
        using var connection = new RedisConnection(redis.Server.ConfigurationString);
        var check = RedisCheck(connection);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.StartsWith("Redis answered in ", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(redis.Server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisCheck_RunsOverTheHostsConnection_OpensNoSecondOne()
    {
        using var connection = new RedisConnection(redis.Server.ConfigurationString);
        using var observer = new RedisConnection(redis.Server.ConfigurationString + ",allowAdmin=true");
        await connection.ConnectAsync(CancellationToken.None);
        var before = await ConnectedClientsAsync(observer);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HealthStatus.Healthy, (await RedisCheck(connection).CheckHealthAsync(new HealthCheckContext())).Status);
        }

        Assert.Equal(before, await ConnectedClientsAsync(observer));
        await connection.PingAsync(); // the package was lent the connection, it did not close it
    }

    [Fact]
    public async Task RedisCheck_NotAnswering_NamesNoEndpointAndNoExceptionText()
    {
        await using var gone = await RedisServer.StartAsync();
        var port = gone.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var connection = new RedisConnection(gone.ConfigurationString);
        await gone.DisposeAsync();

        var result = await RedisCheck(connection).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("Redis does not answer (", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(port, result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", result.Description, StringComparison.Ordinal);
    }

    private static async Task<string> ConnectedClientsAsync(RedisConnection observer)
    {
        var info = (string?)await observer.ExecuteAsync(db => db.ExecuteAsync("INFO", "clients"), CancellationToken.None) ?? "";
        return info.Split('\n').Single(line => line.StartsWith("connected_clients:", StringComparison.Ordinal)).Trim();
    }

    private static RedisHealthCheck RedisCheck(RedisConnection connection) => new(
        new StateStoreInfo(StateStoreKind.Redis, "redis"),
        new ServiceCollection().AddSingleton(connection).BuildServiceProvider());
}
