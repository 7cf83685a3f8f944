namespace ChatBotHost.State.InMemory;

/// <summary>
/// A dictionary whose entries expire, mirroring Redis key TTLs for the in-memory stores. Not thread-safe: the owning
/// store serialises access (it needs compound operations to be atomic anyway).
/// </summary>
internal sealed class ExpiringMap<TKey, TValue>
    where TKey : notnull
{
    // Expired entries are dropped on access and by a sweep at most this often, so memory stays bounded
    // by what was written within one retention, like Redis does with its own expiry.
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly Dictionary<TKey, Entry> _entries = [];
    private readonly TimeProvider _timeProvider;
    private DateTimeOffset _nextSweep;

    public ExpiringMap(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _nextSweep = timeProvider.GetUtcNow() + SweepInterval;
    }

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (entry.ExpiresAt > _timeProvider.GetUtcNow())
            {
                value = entry.Value;
                return true;
            }

            _entries.Remove(key);
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value, TimeSpan timeToLive)
    {
        var now = _timeProvider.GetUtcNow();
        _entries[key] = new Entry(value, now + timeToLive);
        if (now >= _nextSweep)
        {
            Sweep(now);
        }
    }

    public bool Remove(TKey key) => _entries.Remove(key);

    private void Sweep(DateTimeOffset now)
    {
        _nextSweep = now + SweepInterval;
        foreach (var (key, entry) in _entries)
        {
            // Removing during enumeration is allowed for Dictionary since .NET Core 3.0.
            if (entry.ExpiresAt <= now)
            {
                _entries.Remove(key);
            }
        }
    }

    private readonly record struct Entry(TValue Value, DateTimeOffset ExpiresAt);
}
