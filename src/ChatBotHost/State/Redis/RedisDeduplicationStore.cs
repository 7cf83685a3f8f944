namespace ChatBotHost.State.Redis;

/// <summary>Handled-event marks as Redis strings with a PX expiry, so the marks clean themselves up.</summary>
public sealed class RedisDeduplicationStore : IDeduplicationStore
{
    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;

    /// <summary>Creates the store.</summary>
    public RedisDeduplicationStore(RedisConnection connection, RedisKeys keys)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        _connection = connection;
        _keys = keys;
    }

    /// <inheritdoc />
    public Task<bool> IsHandledAsync(string portal, int botId, string eventKey, CancellationToken cancellationToken)
    {
        var key = _keys.Seen(portal, botId, eventKey);
        return _connection.ExecuteAsync(database => database.KeyExistsAsync(key), cancellationToken);
    }

    /// <inheritdoc />
    public Task MarkHandledAsync(string portal, int botId, string eventKey, TimeSpan retention, CancellationToken cancellationToken)
    {
        StateRetention.Validate(retention);
        var key = _keys.Seen(portal, botId, eventKey);
        return _connection.ExecuteAsync(database => database.StringSetAsync(key, 1, retention), cancellationToken);
    }
}
