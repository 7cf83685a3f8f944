using System.Globalization;
using StackExchange.Redis;

namespace ChatBotHost.State.Redis;

/// <summary>
/// Each portal's OAuth pair as one hash {a, r, e, t} (access, refresh, expiry and refresh time in unix ms), written
/// with one HMSET so no reader ever sees a new access token with an old refresh token.
/// </summary>
public sealed class RedisTokenStore : ITokenStore
{
    // KEYS[1] tokens; ARGV[1] access token, ARGV[2] its expiry (unix ms). Only a later expiry replaces the stored one.
    private const string OfferScript = """
        local current = redis.call('HGET', KEYS[1], 'e')
        if not current or tonumber(current) >= tonumber(ARGV[2]) then return 0 end
        redis.call('HSET', KEYS[1], 'a', ARGV[1], 'e', ARGV[2])
        return 1
        """;

    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;

    /// <summary>Creates the store.</summary>
    public RedisTokenStore(RedisConnection connection, RedisKeys keys)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        _connection = connection;
        _keys = keys;
    }

    /// <inheritdoc />
    public async Task<OAuthTokens?> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        var fields = await _connection.ExecuteAsync(
            database => database.HashGetAsync(_keys.Tokens(memberId), ["a", "r", "e", "t"]), cancellationToken);
        if (fields.Any(f => f.IsNull))
        {
            return null;
        }

        return new OAuthTokens(fields[0].ToString(), fields[1].ToString(), FromMs(fields[2]), FromMs(fields[3]));
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string memberId, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(database => database.KeyExistsAsync(_keys.Tokens(memberId)), cancellationToken);

    /// <inheritdoc />
    public Task SaveAsync(string memberId, OAuthTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        HashEntry[] entries =
        [
            new("a", tokens.AccessToken), new("r", tokens.RefreshToken),
            new("e", tokens.ExpiresAt.ToUnixTimeMilliseconds()), new("t", tokens.RefreshedAt.ToUnixTimeMilliseconds()),
        ];
        return _connection.ExecuteAsync(
            async database =>
            {
                await database.HashSetAsync(_keys.Tokens(memberId), entries);
                return true;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> OfferAccessTokenAsync(string memberId, string accessToken, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        RedisKey[] keys = [_keys.Tokens(memberId)];
        RedisValue[] arguments = [accessToken, expiresAt.ToUnixTimeMilliseconds()];
        var result = await _connection.ExecuteAsync(
            database => database.ScriptEvaluateAsync(OfferScript, keys, arguments), cancellationToken);
        return (long)result == 1;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string memberId, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(database => database.KeyDeleteAsync(_keys.Tokens(memberId)), cancellationToken);

    private static DateTimeOffset FromMs(RedisValue value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(value.ToString(), CultureInfo.InvariantCulture));
}
