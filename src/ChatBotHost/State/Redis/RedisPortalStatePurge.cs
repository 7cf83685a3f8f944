using StackExchange.Redis;

namespace ChatBotHost.State.Redis;

/// <summary>
/// Purges a portal by its key names: every key that belongs to the portal alone carries it in its hash tag (found by
/// SCAN), and its timers are the fields of the shared timer keys that start with it (found by HSCAN).
/// </summary>
public sealed class RedisPortalStatePurge : IPortalStatePurge
{
    // KEYS: due, entries, claims. ARGV: the timer's field. The three go together, as the timer store writes them.
    private const string RemoveTimerScript = """
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('HDEL', KEYS[3], ARGV[1])
        return redis.call('HDEL', KEYS[2], ARGV[1])
        """;

    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;

    /// <summary>Creates the purge.</summary>
    public RedisPortalStatePurge(RedisConnection connection, RedisKeys keys)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        _connection = connection;
        _keys = keys;
    }

    /// <inheritdoc />
    public async Task<long> PurgeAsync(string portal, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(portal);
        var removed = 0L;
        foreach (var pattern in _keys.PortalKeyPatterns(portal))
        {
            // One key per DEL: the keys of a portal live in many hash slots, and a cluster refuses a DEL across slots.
            foreach (var key in await _connection.ScanAsync(pattern, cancellationToken))
            {
                removed += await _connection.ExecuteAsync(db => db.KeyDeleteAsync(key), cancellationToken) ? 1 : 0;
            }
        }

        var fields = await _connection.ExecuteAsync(db => TimerFieldsAsync(db, portal, cancellationToken), cancellationToken);
        RedisKey[] timerKeys = [_keys.TimersDue, _keys.TimerEntries, _keys.TimerClaims];
        foreach (var field in fields)
        {
            removed += (long)await _connection.ExecuteAsync(db => db.ScriptEvaluateAsync(RemoveTimerScript, timerKeys, [field]), cancellationToken);
        }

        return removed;
    }

    // HSCAN in pages, each with the client's timeout; the token is checked between pages.
    private async Task<List<RedisValue>> TimerFieldsAsync(IDatabase database, string portal, CancellationToken cancellationToken)
    {
        var fields = new List<RedisValue>();
        var entries = database.HashScanAsync(_keys.TimerEntries, RedisKeys.PortalTimerFieldPattern(portal), pageSize: 500);
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            fields.Add(entry.Name);
        }

        return fields;
    }
}
