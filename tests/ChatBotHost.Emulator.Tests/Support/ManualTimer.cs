namespace ChatBotHost.Emulator.Tests.Support;

/// <summary>A one-shot timer of <see cref="ManualClock"/> (periods are not needed by the emulator and not supported).</summary>
internal sealed class ManualTimer(ManualClock clock, Action callback) : ITimer
{
    public DateTimeOffset DueAt { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        clock.Schedule(this, dueTime);
        return true;
    }

    public void Fire() => callback();

    public void Dispose() => clock.Schedule(this, Timeout.InfiniteTimeSpan);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
