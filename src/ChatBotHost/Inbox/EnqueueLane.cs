using ChatBotHost.State;

namespace ChatBotHost.Inbox;

/// <summary>
/// Group commit for one portal's inbox: while one store call is under way, the enqueues that arrive wait together and
/// go in the next call, so under load one Redis round trip stores many events, and a lone event still goes at once.
/// All or none of a call's items are stored (one script), and each caller hears only when its own items are.
/// </summary>
internal sealed class EnqueueLane(IInboxStore store, InboxSignal signal, TimeProvider time)
{
    /// <summary>Items per store call; a fetch page larger than this still goes whole, alone.</summary>
    public const int MaxItemsPerCall = 200;

    /// <summary>
    /// A store that has not answered by then is treated as down: the waiting callers hear of it (a webhook delivery is
    /// answered 503 while Bitrix24 still waits), and the lane moves on.
    /// </summary>
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly List<Group> _waiting = [];
    private bool _busy;

    /// <summary>Completes when the items are stored; a cancelled wait does not withdraw them.</summary>
    public Task AddAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        var group = new Group(items);
        bool start;
        lock (_gate)
        {
            _waiting.Add(group);
            start = !_busy;
            _busy = true;
        }

        if (start)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return group.Stored.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (TakeNext() is { } call)
        {
            var items = call.SelectMany(g => g.Items).ToList();
            try
            {
                using var timeout = new CancellationTokenSource(StoreTimeout, time);
                var claimable = await store.EnqueueAsync(items, timeout.Token);
                if (claimable.Contains(true))
                {
                    signal.Pulse();
                }

                call.ForEach(g => g.Stored.TrySetResult());
            }
            catch (Exception e)
            {
                call.ForEach(g => g.Stored.TrySetException(e));
            }
        }
    }

    private List<Group>? TakeNext()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _busy = false;
                return null;
            }

            var take = 1;
            for (var count = _waiting[0].Items.Count; take < _waiting.Count && count + _waiting[take].Items.Count <= MaxItemsPerCall; take++)
            {
                count += _waiting[take].Items.Count;
            }

            var call = _waiting.GetRange(0, take);
            _waiting.RemoveRange(0, take);
            return call;
        }
    }

    private sealed record Group(IReadOnlyList<InboxItem> Items)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
