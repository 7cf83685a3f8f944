using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace ChatBotHost.State.Redis;

/// <summary>
/// Timers in three Redis keys under the one hash tag <c>{timers}</c>: a due-time sorted set, the entries and the claim
/// tokens. Every change is a Lua script over all three, so a claim is atomic across replicas; every key a script
/// touches is passed in KEYS, as Redis Cluster requires.
/// </summary>
public sealed class RedisTimerStore : ITimerStore
{
    // KEYS: due, entries, claims. ARGV: field, json, due score. A re-schedule drops the old claim with the old timer.
    private const string ScheduleScript = """
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        redis.call('HDEL', KEYS[3], ARGV[1])
        redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
        return 1
        """;

    // ARGV: now (ms), lease end (ms), claim token prefix, max. Claiming moves the score to the lease end, which hides the
    // timer from other claimers until then and makes it claimable again if its claimer never completes it.
    private const string ClaimScript = """
        local fields = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[4])
        local claimed = {}
        for i, field in ipairs(fields) do
          local json = redis.call('HGET', KEYS[2], field)
          if json then
            local token = ARGV[3] .. ':' .. i
            redis.call('HSET', KEYS[3], field, token)
            redis.call('ZADD', KEYS[1], ARGV[2], field)
            claimed[#claimed + 1] = json
            claimed[#claimed + 1] = token
          else
            redis.call('ZREM', KEYS[1], field)
          end
        end
        return claimed
        """;

    // ARGV: field, claim token. A missing claim (re-scheduled or cancelled timer) reads as false and never matches.
    private const string CompleteScript = """
        if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then
          return 0
        end
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('HDEL', KEYS[2], ARGV[1])
        redis.call('HDEL', KEYS[3], ARGV[1])
        return 1
        """;

    // ARGV: field.
    private const string CancelScript = """
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('HDEL', KEYS[3], ARGV[1])
        return redis.call('HDEL', KEYS[2], ARGV[1])
        """;

    private readonly RedisConnection _connection;
    private readonly RedisKey[] _timerKeys;

    /// <summary>Creates the store.</summary>
    public RedisTimerStore(RedisConnection connection, RedisKeys keys)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        _connection = connection;
        _timerKeys = [keys.TimersDue, keys.TimerEntries, keys.TimerClaims];
    }

    /// <inheritdoc />
    public Task ScheduleAsync(TimerEntry timer, CancellationToken cancellationToken)
    {
        var field = FieldOf(timer);
        RedisValue[] arguments = [field, JsonSerializer.Serialize(timer, JsonSerializerOptions.Web), Score(timer.DueAt)];
        return EvaluateAsync(ScheduleScript, arguments, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> CancelAsync(string portal, string botCode, string id, CancellationToken cancellationToken)
    {
        RedisValue[] arguments = [RedisKeys.TimerField(portal, botCode, id)];
        return (long)await EvaluateAsync(CancelScript, arguments, cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ClaimedTimer>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        TimerRules.ValidateClaim(lease, max);
        // Now rounds down and due times round up, so sub-millisecond precision never lets a timer fire early.
        RedisValue[] arguments =
        [
            now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            Score(now + lease),
            TimerRules.NewClaimToken(),
            max.ToString(CultureInfo.InvariantCulture),
        ];
        var result = (RedisResult[])(await EvaluateAsync(ClaimScript, arguments, cancellationToken))!;
        var claimed = new List<ClaimedTimer>(result.Length / 2);
        for (var i = 0; i < result.Length; i += 2)
        {
            var timer = JsonSerializer.Deserialize<TimerEntry>((string)result[i]!, JsonSerializerOptions.Web)!;
            claimed.Add(new ClaimedTimer(timer, (string)result[i + 1]!));
        }

        return claimed;
    }

    /// <inheritdoc />
    public async Task<bool> CompleteAsync(ClaimedTimer claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        ArgumentNullException.ThrowIfNull(claimed.ClaimToken);
        RedisValue[] arguments = [FieldOf(claimed.Timer), claimed.ClaimToken];
        return (long)await EvaluateAsync(CompleteScript, arguments, cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var due = _timerKeys[0];
        var first = await _connection.ExecuteAsync(
            database => database.SortedSetRangeByRankWithScoresAsync(due, 0, 0), cancellationToken);
        return first.Length == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)first[0].Score);
    }

    private Task<RedisResult> EvaluateAsync(string script, RedisValue[] arguments, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(database => database.ScriptEvaluateAsync(script, _timerKeys, arguments), cancellationToken);

    private static string FieldOf(TimerEntry timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return RedisKeys.TimerField(timer.Portal, timer.BotCode, timer.Id);
    }

    // Whole unix milliseconds, rounded up; exact as a sorted-set score (a double) far beyond any real date.
    private static string Score(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var milliseconds = ticks / TimeSpan.TicksPerMillisecond + (ticks % TimeSpan.TicksPerMillisecond > 0 ? 1 : 0);
        return milliseconds.ToString(CultureInfo.InvariantCulture);
    }
}
