using ChatBotHost.Hosting;

namespace ChatBotHost.Delivery;

/// <summary>
/// The calls of one portal in the order they were queued, and the rule that picks the next request from them.
/// Not thread-safe: <see cref="PortalOutbox"/> uses it under its lock.
/// </summary>
internal sealed class OutboxQueue(int maxBatchSize)
{
    private readonly LinkedList<OutboxCall> _calls = new();
    private readonly Dictionary<string, OutboxCall> _byKey = new(StringComparer.Ordinal);

    public int Count => _calls.Count;

    /// <summary>Queues the call, or returns the queued call with the same bot and idempotency key (a repeated turn's).</summary>
    public OutboxCall Add(OutboxCall call)
    {
        if (KeyOf(call) is { } key)
        {
            if (_byKey.TryGetValue(key, out var queued))
            {
                return queued;
            }

            _byKey[key] = call;
        }

        call.Node = _calls.AddLast(call);
        return call;
    }

    public void Remove(OutboxCall call)
    {
        if (call.Node?.List is not null)
        {
            _calls.Remove(call.Node);
        }

        if (KeyOf(call) is { } key && _byKey.TryGetValue(key, out var current) && ReferenceEquals(current, call))
        {
            _byKey.Remove(key);
        }
    }

    /// <summary>Empties the queue and returns what was in it.</summary>
    public OutboxCall[] Clear()
    {
        OutboxCall[] left = [.. _calls];
        _calls.Clear();
        _byKey.Clear();
        return left;
    }

    /// <summary>
    /// Takes the calls of the next request and marks them in flight: up to the batch size, of one bot, oldest first;
    /// a dialog with a call in flight or waiting for its retry contributes nothing, so its calls keep their order.
    /// Null when nothing is ready; <paramref name="due"/> then says when the earliest waiting retry is.
    /// </summary>
    public List<OutboxCall>? TakeReady(DateTimeOffset now, out DateTimeOffset? due)
    {
        due = null;
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var taken = new List<OutboxCall>();
        HostedBot? bot = null;
        for (var node = _calls.First; node is not null && taken.Count < maxBatchSize; node = node.Next)
        {
            var call = node.Value;
            if (blocked.Contains(call.Lane))
            {
                continue;
            }

            var waiting = !call.InFlight && call.NotBefore > now;
            if (call.InFlight || waiting || (bot is not null && call.Bot != bot) || (taken.Count > 0 && !call.MayJoinBatch))
            {
                // Whatever holds this call back holds back the rest of its dialog too.
                blocked.Add(call.Lane);
                due = waiting && (due is null || call.NotBefore < due) ? call.NotBefore : due;
                continue;
            }

            taken.Add(call);
            bot = call.Bot;
            if (!call.MayJoinBatch)
            {
                // Calls that may not travel in a batch (file transfers, nested batches) go alone.
                break;
            }
        }

        foreach (var call in taken)
        {
            call.InFlight = true;
        }

        return taken.Count == 0 ? null : taken;
    }

    private static string? KeyOf(OutboxCall call) => call.IdempotencyKey is { } key ? $"{call.Bot.Code}\n{key}" : null;
}
