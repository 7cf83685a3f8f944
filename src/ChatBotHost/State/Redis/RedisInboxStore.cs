using System.Globalization;
using StackExchange.Redis;

namespace ChatBotHost.State.Redis;

/// <summary>
/// The inbox as Redis lists (one per dialog), a ready sorted set, an owners hash and a ran-out hash per portal, all under the hash tag
/// <c>{inbox:portal}</c>. Every change is a Lua script that is passed every key it touches, so it runs on Redis Cluster;
/// a claim takes the ready dialogs in one script, then reads their heads in a second one.
/// </summary>
public sealed class RedisInboxStore : IInboxStore
{
    // KEYS: ready, depth, then one queue per item. ARGV: the deadline (unix ms), one json per item, then a score and
    // member per item (ZADD's arguments). The deadline is checked against the server's own clock where the items are
    // stored, so an enqueue that reaches Redis after its caller gave up (a stalled connection delivering it late) stores
    // nothing: see IInboxStore.EnqueueAsync. A push that makes a queue one long found the dialog without events, so
    // not in the ready set (enqueue and ack keep the two together): that item makes it claimable. One ZADD for all
    // items, in slices that stay far below Lua's stack limit; NX: a claimed or deferred dialog keeps its score,
    // otherwise a new event would end a running claim early or jump a retry's delay, and a dialog with two new items
    // gets the first one's.
    private const string EnqueueScript = """
        local time = redis.call('TIME')
        if tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) > tonumber(ARGV[1]) then
          return false
        end
        local added = {}
        for i = 3, #KEYS do
          added[#added + 1] = redis.call('RPUSH', KEYS[i], ARGV[i - 1]) == 1 and 1 or 0
        end
        for first = #KEYS, #ARGV, 1000 do
          redis.call('ZADD', KEYS[1], 'NX', unpack(ARGV, first, math.min(first + 999, #ARGV)))
        end
        redis.call('INCRBY', KEYS[2], #KEYS - 2)
        return added
        """;

    // KEYS: ready, owners, ran-out. ARGV: now, lease end, token prefix, max. Moving the score to the lease end hides the
    // dialog from other claimers until then, and makes it claimable again if its claimer never settles. An owner still
    // recorded for a dialog being claimed means that claim ran out unsettled (ack, defer and release remove it): it is
    // counted here, atomically with the claim, because a replica that crashed on the event cannot count it itself.
    // The queues are read by HeadsScript afterwards (their names are only known now); a claimed head cannot change.
    private const string ClaimScript = """
        local members = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[4])
        local claimed = {}
        for i, member in ipairs(members) do
          local token = ARGV[3] .. ':' .. i
          local ranOut
          if redis.call('HEXISTS', KEYS[2], member) == 1 then
            ranOut = redis.call('HINCRBY', KEYS[3], member, 1)
          else
            ranOut = tonumber(redis.call('HGET', KEYS[3], member) or '0')
          end
          redis.call('HSET', KEYS[2], member, token)
          redis.call('ZADD', KEYS[1], ARGV[2], member)
          claimed[#claimed + 1] = member
          claimed[#claimed + 1] = token
          claimed[#claimed + 1] = ranOut
        end
        return claimed
        """;

    // KEYS: the claimed dialogs' queues.
    private const string HeadsScript = """
        local heads = {}
        for i, key in ipairs(KEYS) do
          heads[i] = redis.call('LINDEX', key, 0) or ''
        end
        return heads
        """;

    // KEYS: queue, ready, owners, depth, ran-out. ARGV: member, token, score from which the dialog's next event may be claimed.
    private const string AckScript = """
        if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then
          return 0
        end
        redis.call('LPOP', KEYS[1])
        redis.call('HDEL', KEYS[3], ARGV[1])
        redis.call('HDEL', KEYS[5], ARGV[1])
        redis.call('DECR', KEYS[4])
        if redis.call('LLEN', KEYS[1]) > 0 then
          redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
        else
          redis.call('ZREM', KEYS[2], ARGV[1])
        end
        return 1
        """;

    // KEYS: ready, owners. ARGV: member, token, new lease end.
    private const string RenewScript = """
        if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then
          return 0
        end
        redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
        return 1
        """;

    // KEYS: queue, ready, owners, ran-out. ARGV: member, token, new head json, ready score. The new head carries the
    // ran-out claims in its attempts, so their count starts again.
    private const string DeferScript = """
        if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then
          return 0
        end
        redis.call('LSET', KEYS[1], 0, ARGV[3])
        redis.call('HDEL', KEYS[3], ARGV[1])
        redis.call('HDEL', KEYS[4], ARGV[1])
        redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
        return 1
        """;

    // KEYS: owners. ARGV: member, token. The ready score (the lease end) stays: the dialog is claimed again from then on,
    // and with no owner left the next claim does not count this one as ran out.
    private const string ReleaseScript = """
        if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then
          return 0
        end
        redis.call('HDEL', KEYS[1], ARGV[1])
        return 1
        """;

    private readonly RedisConnection _connection;
    private readonly RedisKeys _keys;

    /// <summary>Creates the store.</summary>
    public RedisInboxStore(RedisConnection connection, RedisKeys keys)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        _connection = connection;
        _keys = keys;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<bool>> EnqueueAsync(IReadOnlyList<InboxItem> items, DateTimeOffset storeBy, CancellationToken cancellationToken)
    {
        InboxRules.ValidateItems(items);
        if (items.Count == 0)
        {
            return [];
        }

        var count = items.Count;
        var keys = new RedisKey[count + 2];
        var arguments = new RedisValue[(count * 3) + 1];
        keys[0] = _keys.InboxReady(items[0].Portal);
        keys[1] = _keys.InboxDepth(items[0].Portal);
        arguments[0] = storeBy.ToUnixTimeMilliseconds();
        for (var i = 0; i < count; i++)
        {
            var member = MemberOf(items[i]);
            keys[i + 2] = _keys.InboxQueue(items[i].Portal, member);
            arguments[i + 1] = RedisInboxEntry.Encode(items[i]);
            arguments[count + (2 * i) + 1] = items[i].ReceivedAt.ToUnixTimeMilliseconds();
            arguments[count + (2 * i) + 2] = member;
        }

        var result = await EvaluateAsync(EnqueueScript, keys, arguments, cancellationToken);
        if (result.IsNull)
        {
            throw new EnqueueTooLateException($"Redis got the events after their deadline ({storeBy:O}) and stored none of them.");
        }

        var added = (RedisResult[])result!;
        var claimable = new bool[added.Length];
        for (var i = 0; i < added.Length; i++)
        {
            claimable[i] = (long)added[i] == 1;
        }

        return claimable;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<InboxClaim>> ClaimAsync(
        string portal, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        InboxRules.ValidateLease(lease, max);
        RedisKey[] keys = [_keys.InboxReady(portal), _keys.InboxOwners(portal), _keys.InboxRanOut(portal)];
        RedisValue[] arguments = [Score(now), Score(now + lease), TimerRules.NewClaimToken(), max.ToString(CultureInfo.InvariantCulture)];
        var claimed = (RedisResult[])(await EvaluateAsync(ClaimScript, keys, arguments, cancellationToken))!;
        if (claimed.Length == 0)
        {
            return [];
        }

        var queues = new RedisKey[claimed.Length / 3];
        for (var i = 0; i < queues.Length; i++)
        {
            queues[i] = _keys.InboxQueue(portal, (string)claimed[3 * i]!);
        }

        var heads = (RedisResult[])(await EvaluateAsync(HeadsScript, queues, [], cancellationToken))!;
        var claims = new List<InboxClaim>(heads.Length);
        for (var i = 0; i < heads.Length; i++)
        {
            // Enqueue and ack keep every ready dialog's queue non-empty, so an empty head is never expected.
            if ((byte[]?)heads[i] is { Length: > 0 } entry)
            {
                var ranOut = (int)(long)claimed[(3 * i) + 2];
                var head = RedisInboxEntry.Decode(entry);
                claims.Add(new InboxClaim(head with { Attempts = head.Attempts + ranOut }, (string)claimed[(3 * i) + 1]!, now) { RanOut = ranOut });
            }
        }

        return claims;
    }

    /// <inheritdoc />
    public async Task<bool> AckAsync(InboxClaim claim, CancellationToken cancellationToken)
    {
        InboxRules.ValidateClaim(claim);
        var item = claim.Item;
        RedisKey[] keys = [QueueOf(item), _keys.InboxReady(item.Portal), _keys.InboxOwners(item.Portal), _keys.InboxDepth(item.Portal), _keys.InboxRanOut(item.Portal)];
        RedisValue[] arguments = [MemberOf(item), claim.Token, Score(claim.ClaimedAt)];
        return (long)await EvaluateAsync(AckScript, keys, arguments, cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> RenewAsync(InboxClaim claim, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        InboxRules.ValidateClaim(claim);
        InboxRules.ValidateLease(lease);
        var portal = claim.Item.Portal;
        RedisKey[] keys = [_keys.InboxReady(portal), _keys.InboxOwners(portal)];
        RedisValue[] arguments = [MemberOf(claim.Item), claim.Token, Score(now + lease)];
        return (long)await EvaluateAsync(RenewScript, keys, arguments, cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> DeferAsync(InboxClaim claim, InboxItem head, DateTimeOffset availableAt, CancellationToken cancellationToken)
    {
        InboxRules.ValidateHead(claim, head);
        var portal = head.Portal;
        RedisKey[] keys = [QueueOf(head), _keys.InboxReady(portal), _keys.InboxOwners(portal), _keys.InboxRanOut(portal)];
        RedisValue[] arguments = [MemberOf(head), claim.Token, RedisInboxEntry.Encode(head), Score(availableAt)];
        return (long)await EvaluateAsync(DeferScript, keys, arguments, cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseAsync(InboxClaim claim, CancellationToken cancellationToken)
    {
        InboxRules.ValidateClaim(claim);
        RedisKey[] keys = [_keys.InboxOwners(claim.Item.Portal)];
        RedisValue[] arguments = [MemberOf(claim.Item), claim.Token];
        return (long)await EvaluateAsync(ReleaseScript, keys, arguments, cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<long> DepthAsync(string portal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var key = _keys.InboxDepth(portal);
        var value = await _connection.ExecuteAsync(database => database.StringGetAsync(key), cancellationToken);
        return value.IsNull ? 0 : Math.Max(0, (long)value);
    }

    private Task<RedisResult> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] arguments, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(database => database.ScriptEvaluateAsync(script, keys, arguments), cancellationToken);

    private RedisKey QueueOf(InboxItem item) => _keys.InboxQueue(item.Portal, item.BotCode, item.DialogId);

    private static string MemberOf(InboxItem item) => RedisKeys.InboxMember(item.BotCode, item.DialogId);

    // Whole unix milliseconds, rounded down: an event is claimable from the millisecond it was stored in.
    private static string Score(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
