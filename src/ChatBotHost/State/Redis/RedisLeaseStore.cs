using System.Globalization;
using StackExchange.Redis;

namespace ChatBotHost.State.Redis;

/// <summary>
/// Leases as Redis strings holding the owner id with a PX expiry. Every change compares the owner first in a Lua
/// script, so a holder whose lease ran out and was taken over can neither renew nor delete the new holder's lease.
/// </summary>
public sealed class RedisLeaseStore : ILeaseStore
{
    // ARGV: owner, ttl (ms). SET NX PX, except that the current owner may take it again (which renews it).
    private const string AcquireScript = """
        local current = redis.call('GET', KEYS[1])
        if current and current ~= ARGV[1] then
          return 0
        end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return 1
        """;

    private const string RenewScript = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then
          return 0
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then
          return 0
        end
        return redis.call('DEL', KEYS[1])
        """;

    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;

    /// <summary>Creates the store.</summary>
    public RedisLeaseStore(RedisConnection connection, RedisKeys keys)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        _connection = connection;
        _keys = keys;
    }

    /// <inheritdoc />
    public async Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken) =>
        await EvaluateAsync(AcquireScript, name, owner, ttl, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RenewAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken) =>
        await EvaluateAsync(RenewScript, name, owner, ttl, cancellationToken);

    /// <inheritdoc />
    public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        RedisKey[] keys = [_keys.Lease(name)];
        RedisValue[] arguments = [owner];
        return _connection.ExecuteAsync(
            database => database.ScriptEvaluateAsync(ReleaseScript, keys, arguments), cancellationToken);
    }

    private async Task<bool> EvaluateAsync(
        string script, string name, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        LeaseRules.ValidateTtl(ttl);
        RedisKey[] keys = [_keys.Lease(name)];
        RedisValue[] arguments = [owner, ((long)ttl.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)];
        var result = await _connection.ExecuteAsync(
            database => database.ScriptEvaluateAsync(script, keys, arguments), cancellationToken);
        return (long)result == 1;
    }
}
