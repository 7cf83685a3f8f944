namespace ChatBotHost.Tests.Support;

/// <summary>
/// A clock that moves only when told. Timers created from it fire synchronously, in due order, inside
/// <see cref="Advance"/> (or when <see cref="UtcNow"/> is set forward); a timer due now fires on the next Advance,
/// even Advance(TimeSpan.Zero).
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _utcNow;
    private long _timerSequence;

    /// <summary>Starts the clock at <paramref name="start"/>, or at 2026-01-01T00:00:00Z.</summary>
    public FakeTimeProvider(DateTimeOffset? start = null)
    {
        _utcNow = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The current time; setting it forward fires the timers that fall due, setting it back is refused.</summary>
    public DateTimeOffset UtcNow
    {
        get => GetUtcNow();
        set => Advance(value - GetUtcNow());
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _utcNow;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward, firing each timer that falls due at its due time.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_lock)
        {
            target = _utcNow + delta;
        }

        // One timer per round, chosen under the lock; its callback runs outside it, so a callback may create,
        // change or dispose timers (including itself) and read the clock, which then shows the timer's due time.
        while (TakeNextDue(target) is { } due)
        {
            due.Fire();
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new FakeTimer(this, callback, state);
        lock (_lock)
        {
            _timers.Add(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Number of timers that are scheduled to fire (for tests of the code under test).</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count(timer => timer.DueAt is not null);
            }
        }
    }

    internal void Schedule(FakeTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            timer.DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _utcNow + dueTime;
            // A period of zero or infinite means "fire once", as with System.Threading.Timer.
            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
        }
    }

    internal void Remove(FakeTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    internal long NextSequence() => Interlocked.Increment(ref _timerSequence);

    private FakeTimer? TakeNextDue(DateTimeOffset target)
    {
        lock (_lock)
        {
            FakeTimer? next = null;
            foreach (var timer in _timers)
            {
                if (timer.DueAt is { } dueAt && dueAt <= target
                    && (next is null || dueAt < next.DueAt || (dueAt == next.DueAt && timer.Sequence < next.Sequence)))
                {
                    next = timer;
                }
            }

            if (next is null)
            {
                _utcNow = target;
                return null;
            }

            if (next.DueAt > _utcNow)
            {
                _utcNow = next.DueAt.Value;
            }

            next.DueAt = next.Period is { } period ? _utcNow + period : null;
            return next;
        }
    }
}
