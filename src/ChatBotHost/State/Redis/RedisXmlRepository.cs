using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ChatBotHost.State.Redis;

/// <summary>
/// The Data Protection key ring in one Redis list (<see cref="RedisKeys.DataProtectionKeys"/>), so every replica
/// encrypts and decrypts with the same keys. (Microsoft's package stores the same list, but reaches Redis through a
/// multiplexer or IDatabase handed to it; going through <see cref="RedisConnection"/> keeps the lazy connect and
/// reports a Redis that is down as the stores do, without the password.) Data Protection calls it synchronously and
/// rarely: at start, when it refreshes its cached key ring (about daily) and when it creates a key (every 90 days).
/// </summary>
public sealed class RedisXmlRepository : IXmlRepository
{
    private readonly RedisConnection _connection;
    private readonly string _key;

    /// <summary>Creates the repository over the host's connection.</summary>
    public RedisXmlRepository(RedisConnection connection, RedisKeys keys)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        _connection = connection;
        _key = keys.DataProtectionKeys;
    }

    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var values = Wait(() => _connection.ExecuteAsync(database => database.ListRangeAsync(_key), CancellationToken.None));
        return [.. values.Select(value => XElement.Parse(value.ToString()))];
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var xml = element.ToString(SaveOptions.DisableFormatting);
        Wait(() => _connection.ExecuteAsync(database => database.ListRightPushAsync(_key, xml), CancellationToken.None));
    }

    // The interface is synchronous. Run on the thread pool, so a caller's synchronization context (a test runner's,
    // say) cannot deadlock the continuations it would otherwise wait for.
    private static T Wait<T>(Func<Task<T>> operation) => Task.Run(operation).GetAwaiter().GetResult();
}
