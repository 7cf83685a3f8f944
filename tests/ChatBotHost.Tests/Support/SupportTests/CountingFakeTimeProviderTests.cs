namespace ChatBotHost.Tests.Support.SupportTests;

/// <summary>The count the tests wait on; the clock itself is the library's and tested there.</summary>
public sealed class CountingFakeTimeProviderTests
{
    private readonly CountingFakeTimeProvider _clock = new();

    [Fact]
    public void OneShotTimer_CountsUntilItFires()
    {
        var fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);
        Assert.Equal(1, _clock.ActiveTimerCount);

        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, fired);
        Assert.Equal(0, _clock.ActiveTimerCount);
    }

    [Fact]
    public void PeriodicTimer_StaysCountedUntilDisposed()
    {
        var fired = 0;
        var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3, fired);
        Assert.Equal(1, _clock.ActiveTimerCount);
        timer.Dispose();

        Assert.Equal(0, _clock.ActiveTimerCount);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        Assert.Equal(0, _clock.ActiveTimerCount);
    }

    [Fact]
    public void Change_ToInfinite_UncountsAndBack()
    {
        using var timer = _clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Assert.Equal(0, _clock.ActiveTimerCount);
        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        Assert.Equal(1, _clock.ActiveTimerCount);
    }

    [Fact]
    public void TimerDueNow_FiresAtOnceAndIsNotCounted()
    {
        // The library fires a timer due now inside CreateTimer (the hand-written fake waited for the next Advance).
        var fired = 0;
        using var timer = _clock.CreateTimer(_ => fired++, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        Assert.Equal(1, fired);
        Assert.Equal(0, _clock.ActiveTimerCount);
    }

    [Fact]
    public async Task Delay_CountsItsTimerUntilTheClockPassesIt()
    {
        var delay = Task.Delay(TimeSpan.FromSeconds(30), _clock);
        Assert.Equal(1, _clock.ActiveTimerCount);

        _clock.Advance(TimeSpan.FromSeconds(30));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, _clock.ActiveTimerCount);
    }

    [Fact]
    public void Start_DefaultsToTheTestsEpoch()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), _clock.GetUtcNow());
    }
}
