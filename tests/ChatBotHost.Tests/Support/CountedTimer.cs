namespace ChatBotHost.Tests.Support;

/// <summary>
/// A timer of the library's fake clock that tells <see cref="CountingFakeTimeProvider"/> when it is armed and when it
/// stops being armed; firing, scheduling and ordering stay the library's.
/// </summary>
internal sealed class CountedTimer(CountingFakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
{
    private readonly Lock _gate = new();
    private ITimer? _inner;
    private bool _armed;
    private bool _periodic;
    private bool _disposed;

    /// <summary>The callback given to the library's timer; its state is the counted timer.</summary>
    public static void Fire(object? counted) => ((CountedTimer)counted!).Fire();

    public void Attach(ITimer inner) => _inner = inner;

    public void Arm(TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _periodic = period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero;
            SetArmed(dueTime != Timeout.InfiniteTimeSpan);
        }
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_inner is null)
        {
            return false;
        }

        Arm(dueTime, period);
        return _inner.Change(dueTime, period);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            SetArmed(false);
            _disposed = true;
        }

        _inner?.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Fire()
    {
        lock (_gate)
        {
            // A one-shot timer is spent once it fires; a periodic one stays armed for its next period.
            if (!_periodic)
            {
                SetArmed(false);
            }
        }

        callback(state);
    }

    // Called under _gate.
    private void SetArmed(bool armed)
    {
        if (armed != _armed)
        {
            _armed = armed;
            owner.Count(armed ? 1 : -1);
        }
    }
}
