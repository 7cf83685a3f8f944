namespace ChatBotHost.Tests.Support;

/// <summary>
/// The library's <see cref="FakeTimeProvider"/>, plus how many of its timers are armed. A test that advances the clock
/// before the code under test has armed its timer (the retry's delay, the lease's renewal) advances past nothing and
/// then waits forever, so such tests first wait until <see cref="ActiveTimerCount"/> says the timer exists.
/// </summary>
public sealed class CountingFakeTimeProvider : FakeTimeProvider
{
    // The clock the hand-written fake started at; the tests' dates and expiries were written against it.
    private static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private int _armed;

    /// <summary>Starts the clock at <paramref name="start"/>, or at 2026-01-01T00:00:00Z.</summary>
    public CountingFakeTimeProvider(DateTimeOffset? start = null)
        : base(start ?? DefaultStart)
    {
    }

    /// <summary>Timers that will fire when the clock reaches their due time: created or changed with a finite due
    /// time, and neither fired (one-shot), stopped nor disposed since.</summary>
    public int ActiveTimerCount => Volatile.Read(ref _armed);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var counted = new CountedTimer(this, callback, state);
        // Counted as armed before the library schedules it: a timer due now fires inside base.CreateTimer.
        counted.Arm(dueTime, period);
        counted.Attach(base.CreateTimer(CountedTimer.Fire, counted, dueTime, period));
        return counted;
    }

    internal void Count(int change) => Interlocked.Add(ref _armed, change);
}
