using ChatBotHost.Bitrix.Client;
using ChatBotHost.Hosting;

namespace ChatBotHost.Delivery;

/// <summary>
/// The calls of one portal in the order they were queued, the fetch polls waiting beside them, and the rule that
/// picks the next request from both. Not thread-safe: <see cref="PortalSendQueue"/> uses it under its lock.
/// </summary>
internal sealed class QueuedCalls(int maxBatchSize)
{
    private readonly LinkedList<QueuedCall> _calls = new();
    private readonly Dictionary<string, QueuedCall> _byKey = new(StringComparer.Ordinal);
    private readonly QueuedPolls _polls = new();

    /// <summary>Calls queued, in flight or waiting for a retry; polls are not counted (nothing waits to drain them).</summary>
    public int Count => _calls.Count;

    public void AddPoll(QueuedPoll poll) => _polls.Add(poll);

    /// <inheritdoc cref="QueuedPolls.Hurry"/>
    public void HurryPoll(HostedBot bot, DateTimeOffset now) => _polls.Hurry(bot, now);

    /// <summary>Takes a poll out that is not on its way; false when it is, or was settled already.</summary>
    public bool TryWithdraw(QueuedPoll poll) => _polls.TryWithdraw(poll);

    /// <summary>
    /// Settles a poll that came back: true when it is done (the caller completes it); false when it goes again — it
    /// did not run (a batch halted before it), or the batch could not carry it (then it goes alone at once). Neither
    /// counts as its one try.
    /// </summary>
    public bool SettlePoll(QueuedPoll poll, Exception? error, bool wasInBatch, DateTimeOffset now)
    {
        poll.InFlight = false;
        if (error is BatchHaltedException)
        {
            return false;
        }

        if (wasInBatch && error is BitrixApiException { Behaviour: BitrixErrorBehaviour.ReRegisterBot or BitrixErrorBehaviour.SendAlone })
        {
            poll.SendAlone = true;
            poll.GoAloneAt = now;
            return false;
        }

        _polls.Remove(poll);
        return true;
    }

    /// <summary>Queues the call, or returns the queued call with the same bot and idempotency key (a repeated turn's).</summary>
    public QueuedCall Add(QueuedCall call)
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

    public void Remove(QueuedCall call)
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

    /// <summary>Empties the queue and returns what was in it, polls included.</summary>
    public QueuedCall[] Clear()
    {
        QueuedCall[] left = [.. _calls, .. _polls.Clear()];
        _calls.Clear();
        _byKey.Clear();
        return left;
    }

    /// <summary>
    /// Takes the next request and marks it in flight: up to the batch size of one bot's calls, oldest first (a dialog
    /// with a call in flight or waiting for its retry contributes nothing, so its calls keep their order), and that
    /// bot's waiting poll in the last slot when the calls go as a batch. A poll whose time to go alone has come picks
    /// the bot, so busy bots cannot starve it; with no call of its bot ready it goes alone. Null when nothing is
    /// ready; <paramref name="due"/> then says when the earliest waiting retry or poll is.
    /// </summary>
    public List<QueuedCall>? TakeReady(DateTimeOffset now, out DateTimeOffset? due)
    {
        var duePoll = _polls.Due(now);
        var taken = TakeCalls(now, duePoll?.Bot, out var callsDue);
        var poll = taken is not null && maxBatchSize > 1 && taken[0].MayJoinBatch ? _polls.RiderFor(taken[0].Bot) : null;
        if (duePoll is not null && poll != duePoll)
        {
            // The poll's time has come and these calls cannot take it along (it must go alone, or they may not form a
            // batch): it goes now, they go with the next request.
            taken?.ForEach(call => call.InFlight = false);
            taken = null;
            poll = duePoll;
        }

        due = taken is null && poll is null ? Earliest(callsDue, _polls.NextDue()) : null;
        if (poll is null)
        {
            return taken;
        }

        taken ??= [];
        if (taken.Count == maxBatchSize)
        {
            // The poll takes the last slot; the call it displaces is the newest taken, so no dialog's order changes.
            taken[^1].InFlight = false;
            taken.RemoveAt(taken.Count - 1);
        }

        // Last in the batch: a halt stops before it rather than because of it, so a failing poll holds up no dialog.
        poll.InFlight = true;
        taken.Add(poll);
        return taken;
    }

    /// <summary>Whether a request could be made now (nothing is taken); <paramref name="due"/> as for TakeReady.</summary>
    public bool HasReady(DateTimeOffset now, out DateTimeOffset? due)
    {
        if (TakeReady(now, out due) is not { } probe)
        {
            return false;
        }

        foreach (var call in probe)
        {
            call.InFlight = false;
        }

        return true;
    }

    private List<QueuedCall>? TakeCalls(DateTimeOffset now, HostedBot? only, out DateTimeOffset? due)
    {
        due = null;
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var taken = new List<QueuedCall>();
        var bot = only;
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

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null || a < b ? a : b;

    private static string? KeyOf(QueuedCall call) => call.IdempotencyKey is { } key ? $"{call.Bot.Code}\n{key}" : null;
}
