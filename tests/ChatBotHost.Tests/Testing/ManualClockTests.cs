using ChatBotHost.Testing;

namespace ChatBotHost.Tests.Testing;

/// <summary>The kit's public clock: the library's fake behind it, the kit's API in front.</summary>
public sealed class ManualClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_FiresTheTimersThatFallDueInDueOrder()
    {
        // The library sets the clock to the end of the Advance before it fires: callbacks see that time, not their due
        // time (the kit's Wait stops at each bot timer's due time itself, so bot timers do see theirs).
        var clock = new ManualClock(Start);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var last = clock.CreateTimer(_ => fired.Add(("last", clock.GetUtcNow())), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
        using var second = clock.CreateTimer(_ => fired.Add(("second", clock.GetUtcNow())), null, TimeSpan.FromMinutes(3), Timeout.InfiniteTimeSpan);
        using var first = clock.CreateTimer(_ => fired.Add(("first", clock.GetUtcNow())), null, TimeSpan.FromMinutes(2), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal([("first", Start.AddMinutes(4)), ("second", Start.AddMinutes(4))], fired);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(("last", Start.AddMinutes(5)), fired[^1]);
        Assert.Equal(3, fired.Count);
    }

    [Fact]
    public async Task Delay_CompletesOnlyWhenTheClockPassesIt()
    {
        var clock = new ManualClock(Start);

        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Timestamps_MoveWithTheClock()
    {
        var clock = new ManualClock(Start);
        var before = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(Start.AddSeconds(90), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetElapsedTime(before));
    }

    [Fact]
    public void Advance_Backwards_Throws()
    {
        var clock = new ManualClock(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
        Assert.Equal(Start, clock.GetUtcNow());
    }
}
