using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace ChatBotHost.State.Redis;

/// <summary>
/// Dead letters per portal: a list of ids (newest first) plus a hash of the letters, changed together by Lua scripts
/// so the list and the hash never disagree. The list is capped, the hash fields of trimmed ids go with them.
/// </summary>
public sealed class RedisDeadLetterStore : IDeadLetterStore
{
    // KEYS: list, entries. ARGV: id, letter JSON, capacity.
    private const string AddScript = """
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        redis.call('LPUSH', KEYS[1], ARGV[1])
        local capacity = tonumber(ARGV[3])
        local dropped = redis.call('LRANGE', KEYS[1], capacity, -1)
        if #dropped > 0 then
          redis.call('LTRIM', KEYS[1], 0, capacity - 1)
          redis.call('HDEL', KEYS[2], unpack(dropped))
        end
        return #dropped
        """;

    // KEYS: list, entries. ARGV: id.
    private const string RemoveScript = """
        redis.call('LREM', KEYS[1], 0, ARGV[1])
        return redis.call('HDEL', KEYS[2], ARGV[1])
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;
    private readonly int _capacity;

    /// <summary>Creates the store; each portal keeps its newest <paramref name="capacity"/> letters.</summary>
    public RedisDeadLetterStore(RedisConnection connection, RedisKeys keys, int capacity = InMemory.InMemoryDeadLetterStore.DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _connection = connection;
        _keys = keys;
        _capacity = capacity;
    }

    /// <inheritdoc />
    public async Task<string> AddAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var stored = letter with { Id = Guid.NewGuid().ToString("N") };
        RedisKey[] keys = [_keys.DeadLetters(letter.Portal), _keys.DeadLetterEntries(letter.Portal)];
        RedisValue[] arguments = [stored.Id, JsonSerializer.Serialize(stored, Json), _capacity.ToString(CultureInfo.InvariantCulture)];
        await _connection.ExecuteAsync(database => database.ScriptEvaluateAsync(AddScript, keys, arguments), cancellationToken);
        return stored.Id;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string portal, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        if (max <= 0)
        {
            return [];
        }

        var ids = await _connection.ExecuteAsync(
            database => database.ListRangeAsync(_keys.DeadLetters(portal), 0, max - 1), cancellationToken);
        if (ids.Length == 0)
        {
            return [];
        }

        var entries = await _connection.ExecuteAsync(
            database => database.HashGetAsync(_keys.DeadLetterEntries(portal), ids), cancellationToken);
        // A letter removed between the two reads is simply not listed.
        return [.. entries.Where(entry => !entry.IsNull).Select(entry => JsonSerializer.Deserialize<DeadLetter>((string)entry!, Json)!)];
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string portal, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(id);
        RedisKey[] keys = [_keys.DeadLetters(portal), _keys.DeadLetterEntries(portal)];
        RedisValue[] arguments = [id];
        var removed = await _connection.ExecuteAsync(
            database => database.ScriptEvaluateAsync(RemoveScript, keys, arguments), cancellationToken);
        return (long)removed == 1;
    }

    /// <inheritdoc />
    public Task<long> CountAsync(string portal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return _connection.ExecuteAsync(database => database.ListLengthAsync(_keys.DeadLetters(portal)), cancellationToken);
    }
}
