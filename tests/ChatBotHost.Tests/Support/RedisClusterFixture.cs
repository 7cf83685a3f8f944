namespace ChatBotHost.Tests.Support;

/// <summary>
/// One three-primary <see cref="RedisCluster"/> shared by every test of the "redis-cluster" collection during a test
/// run: creating a cluster costs seconds, so it is started once, and tests keep apart by unique portals or prefixes.
/// </summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    private RedisCluster? _cluster;

    /// <summary>The running cluster.</summary>
    public RedisCluster Cluster => _cluster ?? throw new InvalidOperationException("The Redis cluster fixture has not started.");

    /// <summary>A StackExchange.Redis configuration string naming every node as a seed.</summary>
    public string ConfigurationString => Cluster.ConfigurationString;

    /// <inheritdoc />
    public async Task InitializeAsync() => _cluster = await RedisCluster.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
