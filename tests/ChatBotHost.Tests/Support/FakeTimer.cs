namespace ChatBotHost.Tests.Support;

/// <summary>A timer of <see cref="FakeTimeProvider"/>; it fires only when the fake clock is advanced.</summary>
internal sealed class FakeTimer : ITimer
{
    private readonly FakeTimeProvider _owner;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private bool _disposed;

    public FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state)
    {
        _owner = owner;
        _callback = callback;
        _state = state;
        Sequence = owner.NextSequence();
    }

    /// <summary>Creation order; breaks ties between timers due at the same instant.</summary>
    public long Sequence { get; }

    /// <summary>When the timer fires next, or null when it is stopped (guarded by the owner's lock).</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The repeat interval, or null for a one-shot timer (guarded by the owner's lock).</summary>
    public TimeSpan? Period { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime));
        }

        if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period));
        }

        if (Volatile.Read(ref _disposed))
        {
            return false;
        }

        _owner.Schedule(this, dueTime, period);
        return true;
    }

    public void Fire() => _callback(_state);

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        _owner.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
