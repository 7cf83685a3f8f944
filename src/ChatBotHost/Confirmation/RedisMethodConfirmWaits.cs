using System.Text.Json;
using ChatBotHost.State.Redis;
using StackExchange.Redis;

namespace ChatBotHost.Confirmation;

/// <summary>
/// The waits in Redis: one hash per (portal, method) under the portal's hash tag (<see cref="RedisKeys.MethodConfirmWaits"/>),
/// field bot+dialog → the wait's JSON; each recorded wait pushes the key's expiry to the retention again.
/// </summary>
internal sealed class RedisMethodConfirmWaits(RedisConnection connection, RedisKeys keys) : IMethodConfirmWaits
{
    public Task RecordAsync(string portal, string method, MethodConfirmWait wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wait);
        var key = Key(portal, method);
        var json = JsonSerializer.Serialize(wait, JsonSerializerOptions.Web);
        return connection.ExecuteAsync(
            async database =>
            {
                // One transaction, so a wait is never stored without an expiry.
                var transaction = database.CreateTransaction();
                _ = transaction.HashSetAsync(key, wait.Field, json);
                _ = transaction.KeyExpireAsync(key, IMethodConfirmWaits.Retention);
                return await transaction.ExecuteAsync();
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<MethodConfirmWait>> ListAsync(string portal, string method, CancellationToken cancellationToken)
    {
        var key = Key(portal, method);
        return connection.ExecuteAsync<IReadOnlyList<MethodConfirmWait>>(
            async database => (await database.HashValuesAsync(key))
                .Select(value => JsonSerializer.Deserialize<MethodConfirmWait>(value.ToString(), JsonSerializerOptions.Web))
                .OfType<MethodConfirmWait>()
                .ToArray(),
            cancellationToken);
    }

    public Task RemoveAsync(string portal, string method, IReadOnlyCollection<MethodConfirmWait> waits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waits);
        if (waits.Count == 0)
        {
            return Task.CompletedTask;
        }

        var key = Key(portal, method);
        var fields = waits.Select(w => (RedisValue)w.Field).ToArray();
        return connection.ExecuteAsync(database => database.HashDeleteAsync(key, fields), cancellationToken);
    }

    private RedisKey Key(string portal, string method)
    {
        ArgumentException.ThrowIfNullOrEmpty(portal);
        ArgumentException.ThrowIfNullOrEmpty(method);
        return keys.MethodConfirmWaits(portal, method.ToLowerInvariant());
    }
}
