using System.Diagnostics;

namespace ChatBotHost.Bench;

/// <summary>
/// Counts over a window that opens after a warm-up (so the portal's burst is spent and only the steady state counts),
/// either events reported with <see cref="Count"/> or a counter read at the window's edges.
/// </summary>
internal sealed class WindowMeter(TimeSpan warmUp, TimeSpan window, Func<long> refusals, Func<int>? counter = null)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _counted;
    private long _countAtOpen = -1;
    private long _refusedAtOpen = -1;
    private long _countAtClose = -1;
    private long _refusedAtClose = -1;

    public bool Done => _clock.Elapsed >= warmUp + window && Close();

    public void Count() => Poll(Interlocked.Increment(ref _counted));

    public void Poll() => Poll(counter?.Invoke() ?? Interlocked.Read(ref _counted));

    public Rate Result() => new((_countAtClose - _countAtOpen) / window.TotalSeconds, _refusedAtClose - _refusedAtOpen);

    private void Poll(long current)
    {
        if (_countAtOpen < 0 && _clock.Elapsed >= warmUp)
        {
            _countAtOpen = current;
            _refusedAtOpen = refusals();
        }
    }

    private bool Close()
    {
        if (_countAtClose < 0)
        {
            Poll();
            _countAtClose = counter?.Invoke() ?? Interlocked.Read(ref _counted);
            _refusedAtClose = refusals();
        }

        return true;
    }
}
