namespace ChatBotHost.Tests.Support;

/// <summary>Tests marked [Collection("redis")] share one <see cref="RedisFixture"/> and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    /// <summary>The collection name to put in [Collection(...)].</summary>
    public const string Name = "redis";
}
