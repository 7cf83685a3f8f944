using ChatBotHost.State;

namespace ChatBotHost.Inbox;

/// <summary>
/// Group commit for one portal's inbox: while one store call is under way, the enqueues that arrive wait together and
/// go in the next call, so under load one Redis round trip stores many events, and a lone event still goes at once.
/// All or none of a call's items are stored (one script), and each caller hears only when its own items are.
/// </summary>
/// <remarks>
/// A caller told "not stored" must be told the truth: a webhook delivery answered 503 is lost to Bitrix24, which does
/// not send it again, so it must not be handled later either. Each enqueue therefore has a deadline,
/// <see cref="StoreTimeout"/> after it arrived, that travels with the store call: Redis checks it on its own clock
/// (which this host's clock is aligned to) in the script that stores, and stores nothing it gets later. The lane waits
/// for the answer until <see cref="AnswerGrace"/> past the deadline. So an enqueue that fails was not stored — except
/// when Redis stored it just before the deadline and its answer then took longer than the grace to come back. This
/// costs no extra round trip: the happy path is still one script call for many events.
/// With replicas required (ChatBotHost:Redis:WaitForReplicas) each store call is followed by one WAIT for all of its
/// items (a whole Event.get page, or every webhook delivery that arrived meanwhile), and a caller hears "stored" only
/// after it. Too few replicas fail the call with <see cref="ReplicasNotConfirmedException"/>: an exception to the rule
/// above, since those items are in the inbox (on the primary) and are handled unless the primary fails first.
/// </remarks>
internal sealed class EnqueueLane(IInboxStore store, InboxSignal signal, TimeProvider time, IInboxReplication? replication = null)
{
    /// <summary>Items per store call; a fetch page larger than this still goes whole, alone.</summary>
    public const int MaxItemsPerCall = 200;

    /// <summary>
    /// How long after it arrived an event may still be stored. A webhook delivery not stored by then is answered 503
    /// while Bitrix24 still waits for the answer, and Redis refuses to store it afterwards.
    /// </summary>
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long past the deadline the lane still waits for the store's answer: the answer to a store made just before the
    /// deadline is on its way back. Redis answers in milliseconds; a second also covers the error of the clock alignment
    /// (a sample's round trip is at most a second, and is milliseconds in practice).
    /// </summary>
    public static readonly TimeSpan AnswerGrace = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly List<Group> _waiting = [];
    private bool _busy;

    /// <summary>
    /// Completes when the items are stored. Fails with <see cref="EnqueueTooLateException"/> when they were not stored by
    /// their deadline (nothing stored), with <see cref="TimeoutException"/> when the store did not answer by the deadline
    /// and the grace (not stored unless that answer was lost), with <see cref="ReplicasNotConfirmedException"/> when they
    /// are stored but too few replicas confirmed them, or with the store's error. A cancelled wait does not withdraw them.
    /// </summary>
    public Task AddAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        var group = new Group(items, time.GetUtcNow() + StoreTimeout);
        bool start;
        lock (_gate)
        {
            _waiting.Add(group);
            start = !_busy;
            _busy = true;
        }

        if (start)
        {
            // The caller that finds the lane idle sends the call itself, up to the store's first wait, rather than handing
            // it to another thread: one hop less per call, and an idle host's lone event goes at once. Without the
            // caller's context (its request's activity and scopes): the lane serves every caller that arrives meanwhile.
            // (SuppressFlow throws where the flow is suppressed already.)
            AsyncFlowControl? suppressed = ExecutionContext.IsFlowSuppressed() ? null : ExecutionContext.SuppressFlow();
            _ = DrainAsync();
            suppressed?.Undo();
        }

        return group.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (TakeNext() is { } call)
        {
            call.Late.ForEach(g => g.Stored.TrySetException(new EnqueueTooLateException(
                $"The event waited {StoreTimeout.TotalSeconds} s behind slower store calls and was not stored.")));
            if (call.Groups.Count == 0)
            {
                continue;
            }

            try
            {
                var claimable = await StoreAsync(call.Groups);
                if (claimable.Contains(true))
                {
                    signal.Pulse();
                }

                if (replication is not null)
                {
                    // Bounded by WAIT's own timeout (and the client's command timeout), not by the store deadline: the
                    // items are stored by now, and a too-late answer here is told apart from "not stored".
                    await replication.ConfirmAsync(call.Groups[0].Items[0].Portal, CancellationToken.None);
                }

                call.Groups.ForEach(g => g.Stored.TrySetResult());
            }
            catch (Exception e)
            {
                call.Groups.ForEach(g => g.Stored.TrySetException(e));
            }
        }
    }

    private async Task<IReadOnlyList<bool>> StoreAsync(List<Group> groups)
    {
        // The oldest group's deadline binds the whole call: its items are stored all together or not at all.
        var storeBy = groups[0].StoreBy;
        using var wait = new CancellationTokenSource(TimeSpan.FromTicks(Math.Max(0, (storeBy + AnswerGrace - time.GetUtcNow()).Ticks)), time);
        try
        {
            // WaitAsync as well: the bound must hold even for a store that does not watch its token.
            return await store.EnqueueAsync([.. groups.SelectMany(g => g.Items)], storeBy, wait.Token).WaitAsync(wait.Token);
        }
        catch (OperationCanceledException ex) when (wait.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The store did not answer within {(StoreTimeout + AnswerGrace).TotalSeconds} s. It stores nothing it gets after "
                + $"{StoreTimeout.TotalSeconds} s, so the event was not stored, unless the store's answer was lost on its way back.",
                ex);
        }
    }

    private Call? TakeNext()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _busy = false;
                return null;
            }

            // Deadlines follow arrival order: those that passed while waiting are the first ones; they are not sent.
            var now = time.GetUtcNow();
            var late = _waiting.TakeWhile(g => g.StoreBy <= now).ToList();
            _waiting.RemoveRange(0, late.Count);
            var take = Math.Min(1, _waiting.Count);
            for (var count = take == 0 ? 0 : _waiting[0].Items.Count; take < _waiting.Count && count + _waiting[take].Items.Count <= MaxItemsPerCall; take++)
            {
                count += _waiting[take].Items.Count;
            }

            var groups = _waiting.GetRange(0, take);
            _waiting.RemoveRange(0, take);
            return new Call(groups, late);
        }
    }

    private sealed record Call(List<Group> Groups, List<Group> Late);

    private sealed record Group(IReadOnlyList<InboxItem> Items, DateTimeOffset StoreBy)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
