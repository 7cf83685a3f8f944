namespace ChatBotHost.State.Redis;

/// <summary>Sent-call results as Redis strings with a PX expiry, so the ledger cleans itself up.</summary>
public sealed class RedisSentLedger : ISentLedger
{
    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;

    /// <summary>Creates the ledger.</summary>
    public RedisSentLedger(RedisConnection connection, RedisKeys keys)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        _connection = connection;
        _keys = keys;
    }

    /// <inheritdoc />
    public async Task<string?> FindAsync(string portal, string botCode, string key, CancellationToken cancellationToken)
    {
        var redisKey = _keys.Sent(portal, botCode, key);
        var value = await _connection.ExecuteAsync(database => database.StringGetAsync(redisKey), cancellationToken);
        return value.IsNull ? null : (string?)value;
    }

    /// <inheritdoc />
    public Task RecordAsync(string portal, string botCode, string key, string result, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        StateRetention.Validate(retention);
        var redisKey = _keys.Sent(portal, botCode, key);
        return _connection.ExecuteAsync(database => database.StringSetAsync(redisKey, result, retention), cancellationToken);
    }
}
