namespace ChatBotHost.Emulator.Observation;

/// <summary>An append-only, capped log that tests can read or wait on.</summary>
internal sealed class ObservedLog<T>(int capacity)
    where T : class
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly Waiters<T> _waiters = new();

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    public void Add(T item)
    {
        lock (_gate)
        {
            if (_items.Count == capacity)
            {
                _items.RemoveAt(0); // local mode runs for hours; keep memory bounded
            }

            _items.Add(item);
        }

        _waiters.Notify(item);
    }

    public Task<T> WaitAsync(Func<T, bool> predicate, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        TaskCompletionSource<T> completion;
        lock (_gate)
        {
            var existing = _items.FindLast(i => predicate(i));
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            // Registered under the log's lock so an Add between the scan and the registration cannot be missed.
            completion = _waiters.Add(predicate);
        }

        return _waiters.AwaitAsync(completion, timeout, () => Describe(what, timeout), cancellationToken);
    }

    private string Describe(string what, TimeSpan timeout)
    {
        var recent = Snapshot().TakeLast(10).Select(i => "  " + i);
        return $"No matching {what} within {timeout.TotalSeconds:0.#} s. Recent:{Environment.NewLine}"
            + string.Join(Environment.NewLine, recent);
    }
}
