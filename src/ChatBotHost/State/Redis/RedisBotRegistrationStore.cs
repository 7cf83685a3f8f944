using System.Text.Json;

namespace ChatBotHost.State.Redis;

/// <summary>Bot registrations as JSON strings without expiry; the registration flow owns and deletes them.</summary>
public sealed class RedisBotRegistrationStore : IBotRegistrationStore
{
    // Replaces the value only if it is still the one the caller read: a compare-and-set on the whole JSON, so the
    // registration's format stays the .NET serializer's (no JSON re-encoding in Lua) and any concurrent write wins.
    private const string ReplaceIfUnchangedScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('SET', KEYS[1], ARGV[2])
          return 1
        end
        return 0
        """;

    // A conflict means another replica wrote meanwhile; after it the stored token is usually set and the loop ends.
    private const int MaxLearnAttempts = 8;

    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;

    /// <summary>Creates the store.</summary>
    public RedisBotRegistrationStore(RedisConnection connection, RedisKeys keys)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        _connection = connection;
        _keys = keys;
    }

    /// <inheritdoc />
    public async Task<BotRegistration?> GetAsync(string portal, string botCode, CancellationToken cancellationToken)
    {
        var key = _keys.Registration(portal, botCode);
        var value = await _connection.ExecuteAsync(database => database.StringGetAsync(key), cancellationToken);
        return value.IsNull ? null : JsonSerializer.Deserialize<BotRegistration>(value.ToString(), JsonSerializerOptions.Web);
    }

    /// <inheritdoc />
    public Task SaveAsync(string portal, string botCode, BotRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var key = _keys.Registration(portal, botCode);
        var json = JsonSerializer.Serialize(registration, JsonSerializerOptions.Web);
        return _connection.ExecuteAsync(database => database.StringSetAsync(key, json), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<BotRegistration?> LearnApplicationTokenAsync(string portal, string botCode, int botId, string applicationToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationToken);
        var key = _keys.Registration(portal, botCode);
        for (var attempt = 1; ; attempt++)
        {
            var read = await _connection.ExecuteAsync(database => database.StringGetAsync(key), cancellationToken);
            if (read.IsNull)
            {
                return null;
            }

            var current = JsonSerializer.Deserialize<BotRegistration>(read.ToString(), JsonSerializerOptions.Web)!;
            if (current.BotId != botId || current.ApplicationToken is not null)
            {
                return current;
            }

            var learned = current with { ApplicationToken = applicationToken };
            var json = JsonSerializer.Serialize(learned, JsonSerializerOptions.Web);
            var replaced = (long)await _connection.ExecuteAsync(
                database => database.ScriptEvaluateAsync(ReplaceIfUnchangedScript, [key], [read, json]),
                cancellationToken);
            if (replaced == 1)
            {
                return learned;
            }

            if (attempt == MaxLearnAttempts)
            {
                throw new InvalidOperationException($"The registration of bot '{botCode}' kept changing while its application_token was learned.");
            }
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string portal, string botCode, CancellationToken cancellationToken)
    {
        var key = _keys.Registration(portal, botCode);
        return _connection.ExecuteAsync(database => database.KeyDeleteAsync(key), cancellationToken);
    }
}
