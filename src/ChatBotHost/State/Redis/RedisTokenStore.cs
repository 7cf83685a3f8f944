using System.Globalization;
using StackExchange.Redis;

namespace ChatBotHost.State.Redis;

/// <summary>
/// Each portal's OAuth pair as one hash {a, r, e, t} (access, refresh, expiry and refresh time in unix ms), written
/// with one HMSET so no reader ever sees a new access token with an old refresh token. The tokens are stored encrypted
/// (<see cref="TokenProtection"/>); a pair stored in plain text by an older version is read and re-written encrypted.
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

    // KEYS[1] tokens; ARGV[1..2] the plain pair as read, ARGV[3..4] the same pair encrypted. Replaced only if unchanged
    // meanwhile: a refresh that saved a new pair in between wins.
    private const string EncryptScript = """
        if redis.call('HGET', KEYS[1], 'a') ~= ARGV[1] or redis.call('HGET', KEYS[1], 'r') ~= ARGV[2] then return 0 end
        redis.call('HSET', KEYS[1], 'a', ARGV[3], 'r', ARGV[4])
        return 1
        """;

    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;
    private readonly TokenProtection _protection;

    /// <summary>Creates the store.</summary>
    public RedisTokenStore(RedisConnection connection, RedisKeys keys, TokenProtection protection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(protection);
        _connection = connection;
        _keys = keys;
        _protection = protection;
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

        string storedAccess = fields[0]!, storedRefresh = fields[1]!;
        var (access, refresh) = await OffContextAsync(() => (_protection.Unprotect(storedAccess, memberId), _protection.Unprotect(storedRefresh, memberId)));
        var tokens = new OAuthTokens(access, refresh, FromMs(fields[2]), FromMs(fields[3]));
        if (TokenProtection.IsPlain(storedAccess) || TokenProtection.IsPlain(storedRefresh))
        {
            await EncryptAsync(memberId, storedAccess, storedRefresh, tokens, cancellationToken);
        }

        return tokens;
    }

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string memberId, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(database => database.KeyExistsAsync(_keys.Tokens(memberId)), cancellationToken);

    /// <inheritdoc />
    public async Task SaveAsync(string memberId, OAuthTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var (access, refresh) = await OffContextAsync(() => (_protection.Protect(tokens.AccessToken), _protection.Protect(tokens.RefreshToken)));
        HashEntry[] entries =
        [
            new("a", access), new("r", refresh),
            new("e", tokens.ExpiresAt.ToUnixTimeMilliseconds()), new("t", tokens.RefreshedAt.ToUnixTimeMilliseconds()),
        ];
        await _connection.ExecuteAsync(
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
        RedisValue[] arguments = [await OffContextAsync(() => _protection.Protect(accessToken)), expiresAt.ToUnixTimeMilliseconds()];
        var result = await _connection.ExecuteAsync(
            database => database.ScriptEvaluateAsync(OfferScript, keys, arguments), cancellationToken);
        return (long)result == 1;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string memberId, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(database => database.KeyDeleteAsync(_keys.Tokens(memberId)), cancellationToken);

    // A pair from before encryption is re-written encrypted on its first read, so plain text does not wait for the
    // next refresh (which may be months away for an idle portal).
    private async Task EncryptAsync(string memberId, string storedAccess, string storedRefresh, OAuthTokens tokens, CancellationToken cancellationToken)
    {
        RedisKey[] keys = [_keys.Tokens(memberId)];
        var (access, refresh) = await OffContextAsync(() => (
            TokenProtection.IsPlain(storedAccess) ? _protection.Protect(tokens.AccessToken) : storedAccess,
            TokenProtection.IsPlain(storedRefresh) ? _protection.Protect(tokens.RefreshToken) : storedRefresh));
        RedisValue[] arguments = [storedAccess, storedRefresh, access, refresh];
        await _connection.ExecuteAsync(database => database.ScriptEvaluateAsync(EncryptScript, keys, arguments), cancellationToken);
    }

    // Data Protection is synchronous and loads its key ring (from Redis, through RedisXmlRepository) on first use and
    // about daily; on the thread pool that wait cannot deadlock a caller's synchronization context.
    private static Task<T> OffContextAsync<T>(Func<T> work) => Task.Run(work);

    private static DateTimeOffset FromMs(RedisValue value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(value.ToString(), CultureInfo.InvariantCulture));
}
