using System.Globalization;
using StackExchange.Redis;

namespace ChatBotHost.State.Redis;

/// <summary>Fetch-mode offsets as Redis strings; a Lua script stores a value only when it is larger (monotonic).</summary>
public sealed class RedisOffsetStore : IOffsetStore
{
    // tonumber is exact for offsets below 2^53, far beyond any event id Bitrix24 hands out.
    private const string AdvanceScript = """
        local current = redis.call('GET', KEYS[1])
        if current and tonumber(current) >= tonumber(ARGV[1]) then
          return 0
        end
        redis.call('SET', KEYS[1], ARGV[1])
        return 1
        """;

    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;

    /// <summary>Creates the store.</summary>
    public RedisOffsetStore(RedisConnection connection, RedisKeys keys)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        _connection = connection;
        _keys = keys;
    }

    /// <inheritdoc />
    public async Task<long?> GetAsync(string portal, string botCode, CancellationToken cancellationToken)
    {
        var key = _keys.Offset(portal, botCode);
        var value = await _connection.ExecuteAsync(database => database.StringGetAsync(key), cancellationToken);
        return value.IsNull ? null : long.Parse(value.ToString(), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public Task AdvanceAsync(string portal, string botCode, long offset, CancellationToken cancellationToken)
    {
        RedisKey[] keys = [_keys.Offset(portal, botCode)];
        RedisValue[] arguments = [offset.ToString(CultureInfo.InvariantCulture)];
        return _connection.ExecuteAsync(
            database => database.ScriptEvaluateAsync(AdvanceScript, keys, arguments), cancellationToken);
    }
}
