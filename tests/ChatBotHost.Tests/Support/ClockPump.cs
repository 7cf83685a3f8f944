namespace ChatBotHost.Tests.Support;

/// <summary>
/// Moves a fake clock in small steps, giving the code under test real time between them, until a condition holds.
/// The real-time deadline only turns a hang into a failure; it never decides a pass.
/// </summary>
public static class ClockPump
{
    public static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition, string what, TimeSpan step, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(condition);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < deadline, $"Still waiting for: {what}");
            clock.Advance(step);
            await Task.Delay(1);
        }
    }
}
