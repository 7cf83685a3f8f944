namespace ChatBotHost.IntegrationTests.Harness;

/// <summary>
/// The system clock plus an offset a test moves forward. A whole host runs on it: its polling loops and delays keep
/// running in real time (a frozen fake clock would stall them), while "now" — what timers fall due against — jumps, so
/// a timer due tomorrow fires at the next poll after <see cref="Jump"/> instead of after a day's wait.
/// </summary>
internal sealed class JumpingClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _offsetTicks = (start - System.GetUtcNow()).Ticks;
    private long _jumpedTicks;

    public override DateTimeOffset GetUtcNow() =>
        System.GetUtcNow().AddTicks(_offsetTicks + Interlocked.Read(ref _jumpedTicks));

    public void Jump(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _jumpedTicks, by.Ticks);
    }
}
