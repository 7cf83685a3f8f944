namespace ChatBotHost.Tests.Support;

/// <summary>Tests marked [Collection("redis-cluster")] share one <see cref="RedisClusterFixture"/> and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RedisClusterCollection : ICollectionFixture<RedisClusterFixture>
{
    /// <summary>The collection name to put in [Collection(...)].</summary>
    public const string Name = "redis-cluster";
}
