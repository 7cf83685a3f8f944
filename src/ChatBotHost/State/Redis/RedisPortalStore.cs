using System.Text.Json;

namespace ChatBotHost.State.Redis;

/// <summary>OAuth portals as JSON values of one hash keyed by member_id; installation and uninstallation own them.</summary>
public sealed class RedisPortalStore : IPortalStore
{
    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;

    /// <summary>Creates the store.</summary>
    public RedisPortalStore(RedisConnection connection, RedisKeys keys)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        _connection = connection;
        _keys = keys;
    }

    /// <inheritdoc />
    public Task SaveAsync(PortalRecord portal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var json = JsonSerializer.Serialize(portal, JsonSerializerOptions.Web);
        return _connection.ExecuteAsync(database => database.HashSetAsync(_keys.Portals, portal.MemberId, json), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PortalRecord?> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        var value = await _connection.ExecuteAsync(database => database.HashGetAsync(_keys.Portals, memberId), cancellationToken);
        return value.IsNull ? null : JsonSerializer.Deserialize<PortalRecord>(value.ToString(), JsonSerializerOptions.Web);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PortalRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var entries = await _connection.ExecuteAsync(database => database.HashGetAllAsync(_keys.Portals), cancellationToken);
        return [.. entries
            .Select(e => JsonSerializer.Deserialize<PortalRecord>(e.Value.ToString(), JsonSerializerOptions.Web)!)
            .OrderBy(p => p.MemberId, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public Task DeleteAsync(string memberId, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(database => database.HashDeleteAsync(_keys.Portals, memberId), cancellationToken);
}
