using System.Text.Json;

namespace ChatBotHost.State.Redis;

/// <summary>Bot registrations as JSON strings without expiry; the registration flow owns and deletes them.</summary>
public sealed class RedisBotRegistrationStore : IBotRegistrationStore
{
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
    public Task DeleteAsync(string portal, string botCode, CancellationToken cancellationToken)
    {
        var key = _keys.Registration(portal, botCode);
        return _connection.ExecuteAsync(database => database.KeyDeleteAsync(key), cancellationToken);
    }
}
