using System.Globalization;
using StackExchange.Redis;

namespace ChatBotHost.State.Redis;

/// <summary>
/// Dialog state as a Redis hash {v, data}. Saves are a Lua compare-and-set on v, so two replicas handling the same
/// dialog can never both win; every save refreshes the key's TTL to the retention.
/// </summary>
public sealed class RedisDialogStateStore : IDialogStateStore
{
    // Versions are compared as strings: HINCRBY keeps v in canonical integer form, and the caller's expected version
    // is formatted the same way, so no Lua number (double) conversion is involved. A missing key counts as version 0.
    private const string CompareAndSetScript = """
        local current = redis.call('HGET', KEYS[1], 'v') or '0'
        if current ~= ARGV[1] then
          return 0
        end
        redis.call('HINCRBY', KEYS[1], 'v', 1)
        redis.call('HSET', KEYS[1], 'data', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    private static readonly RedisValue[] Fields = ["v", "data"];

    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;
    private readonly TimeSpan _retention;

    /// <summary>Creates the store; <paramref name="retention"/> is how long an untouched dialog's state is kept.</summary>
    public RedisDialogStateStore(RedisConnection connection, RedisKeys keys, TimeSpan retention)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        StateRetention.Validate(retention);
        _connection = connection;
        _keys = keys;
        _retention = retention;
    }

    /// <inheritdoc />
    public async Task<VersionedState?> LoadAsync(DialogKey key, CancellationToken cancellationToken)
    {
        var redisKey = _keys.DialogState(key);
        var values = await _connection.ExecuteAsync(database => database.HashGetAsync(redisKey, Fields), cancellationToken);
        if (values[0].IsNull || values[1].IsNull)
        {
            return null;
        }

        return new VersionedState(values[1].ToString(), long.Parse(values[0].ToString(), CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public async Task<bool> TrySaveAsync(DialogKey key, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        RedisKey[] keys = [_keys.DialogState(key)];
        RedisValue[] arguments =
        [
            expectedVersion.ToString(CultureInfo.InvariantCulture),
            json,
            ((long)_retention.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
        ];
        var result = await _connection.ExecuteAsync(
            database => database.ScriptEvaluateAsync(CompareAndSetScript, keys, arguments), cancellationToken);
        return (long)result == 1;
    }

    /// <inheritdoc />
    public Task DeleteAsync(DialogKey key, CancellationToken cancellationToken)
    {
        var redisKey = _keys.DialogState(key);
        return _connection.ExecuteAsync(database => database.KeyDeleteAsync(redisKey), cancellationToken);
    }
}
