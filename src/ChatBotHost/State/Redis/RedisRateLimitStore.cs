using System.Globalization;
using StackExchange.Redis;

namespace ChatBotHost.State.Redis;

/// <summary>
/// The leaky buckets in Redis, one hash per portal, updated by Lua scripts that read Redis's own clock (TIME), so
/// replicas with skewed clocks still share one consistent bucket.
/// </summary>
public sealed class RedisRateLimitStore : IRateLimitStore
{
    // Shared prologue: the level drained since it was written. ARGV[1] drain per second, ARGV[2] burst.
    // A clock that went back (failover to another server) drains nothing rather than filling the bucket.
    private const string Drain = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local drain = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local state = redis.call('HMGET', KEYS[1], 'l', 't')
        local level = tonumber(state[1]) or 0
        local at = tonumber(state[2]) or now
        if now > at then
          level = math.max(0, level - (now - at) * drain / 1000)
        end

        """;

    // Stores the level and lets the key expire once it would have drained to nothing.
    private const string Store = """

        redis.call('HSET', KEYS[1], 'l', tostring(level), 't', tostring(now))
        redis.call('PEXPIRE', KEYS[1], math.ceil(level * 1000 / drain) + 1000)
        """;

    // Returns 0 when admitted, else the wait in whole milliseconds (rounded up, at least 1). A refusal writes nothing,
    // so the level keeps draining from the last admission exactly.
    private const string AcquireScript = Drain + """
        if level + 1 > burst then
          return math.max(1, math.ceil((level + 1 - burst) * 1000 / drain))
        end
        level = level + 1
        """ + Store + "\nreturn 0";

    // ARGV[3] hold in ms: the level that takes exactly that long to drain back to where one request fits.
    private const string HoldScript = Drain + """
        level = math.max(level, burst - 1 + drain * tonumber(ARGV[3]) / 1000)
        """ + Store + "\nreturn 0";

    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;

    /// <summary>Creates the store.</summary>
    public RedisRateLimitStore(RedisConnection connection, RedisKeys keys)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        _connection = connection;
        _keys = keys;
    }

    /// <inheritdoc />
    public async Task<TimeSpan> TryAcquireAsync(string portal, RateLimit limit, CancellationToken cancellationToken)
    {
        limit.Validate();
        var waitMs = await EvaluateAsync(AcquireScript, portal, [.. Arguments(limit)], cancellationToken);
        return TimeSpan.FromMilliseconds(waitMs);
    }

    /// <inheritdoc />
    public async Task HoldAsync(string portal, RateLimit limit, TimeSpan hold, CancellationToken cancellationToken)
    {
        limit.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(hold, TimeSpan.Zero);
        var holdMs = ((long)Math.Ceiling(hold.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        await EvaluateAsync(HoldScript, portal, [.. Arguments(limit), holdMs], cancellationToken);
    }

    private static RedisValue[] Arguments(RateLimit limit) =>
    [
        limit.DrainPerSecond.ToString("R", CultureInfo.InvariantCulture),
        limit.Burst.ToString(CultureInfo.InvariantCulture),
    ];

    private async Task<long> EvaluateAsync(string script, string portal, RedisValue[] arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        RedisKey[] keys = [_keys.RateLimit(portal)];
        var result = await _connection.ExecuteAsync(
            database => database.ScriptEvaluateAsync(script, keys, arguments), cancellationToken);
        return (long)result;
    }
}
