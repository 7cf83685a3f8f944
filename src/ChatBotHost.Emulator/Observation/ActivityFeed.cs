namespace ChatBotHost.Emulator.Observation;

/// <summary>
/// A capped, sequence-numbered log of <see cref="ActivityEntry"/> that readers follow by sequence number
/// (the chat page's live stream); a reader waits for anything newer than what it has. 500 entries is several pages of
/// the panel and keeps a long local session's feed to about a megabyte.
/// </summary>
internal sealed class ActivityFeed(int capacity = 500)
{
    private readonly Lock _gate = new();
    private readonly Queue<ActivityEntry> _entries = new();
    private long _lastSequence;
    private TaskCompletionSource _added = NewSignal();
    private volatile bool _enabled;

    /// <summary>Off until a chat page is mapped: tests and benchmarks pay nothing for masking and copying.</summary>
    public bool IsEnabled => _enabled;

    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _lastSequence;
            }
        }
    }

    public void Enable() => _enabled = true;

    /// <summary>Numbers and appends an entry built from its sequence number (nothing while disabled).</summary>
    public void Add(Func<long, ActivityEntry> create)
    {
        if (!_enabled)
        {
            return;
        }

        TaskCompletionSource added;
        lock (_gate)
        {
            var entry = create(++_lastSequence);
            if (_entries.Count == capacity)
            {
                _entries.Dequeue(); // local mode runs for hours; keep memory bounded
            }

            _entries.Enqueue(entry);
            added = _added;
            _added = NewSignal();
        }

        added.TrySetResult();
    }

    /// <summary>Entries with a sequence number above <paramref name="sequence"/>, oldest first, at most the last <paramref name="max"/>.</summary>
    public IReadOnlyList<ActivityEntry> After(long sequence, int max = int.MaxValue)
    {
        lock (_gate)
        {
            var newer = _entries.Where(e => e.Sequence > sequence).ToList();
            return newer.Count > max ? newer[^max..] : newer;
        }
    }

    /// <summary>Completes once an entry newer than <paramref name="sequence"/> exists.</summary>
    public Task WaitAfterAsync(long sequence, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _lastSequence > sequence ? Task.CompletedTask : _added.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
