namespace ChatBotHost.Tests.Support.SupportTests;

public sealed class FakeTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Advance_MovesUtcNowAndTimestamp()
    {
        var clock = new FakeTimeProvider(Start);
        var before = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(Start.AddSeconds(90), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromSeconds(90), clock.GetElapsedTime(before));
    }

    [Fact]
    public void UtcNow_SetForward_FiresDueTimer()
    {
        var clock = new FakeTimeProvider(Start);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        clock.UtcNow = Start.AddMinutes(1);

        Assert.Equal(1, fired);
    }

    [Fact]
    public void UtcNow_SetBackwards_Throws()
    {
        var clock = new FakeTimeProvider(Start);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.UtcNow = Start.AddTicks(-1));
    }

    [Fact]
    public void Advance_BeforeDueTime_DoesNotFireOneShotTimer()
    {
        var clock = new FakeTimeProvider(Start);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(10), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, fired);
        clock.Advance(TimeSpan.FromSeconds(100));

        Assert.Equal(1, fired);
    }

    [Fact]
    public void Advance_PastSeveralPeriods_FiresPeriodicTimerEachPeriodAtItsDueTime()
    {
        var clock = new FakeTimeProvider(Start);
        var firedAt = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(
            _ => firedAt.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal([Start.AddSeconds(1), Start.AddSeconds(3), Start.AddSeconds(5)], firedAt);
        Assert.Equal(Start.AddSeconds(6), clock.GetUtcNow());
    }

    [Fact]
    public void Advance_TimersDueAtDifferentTimes_FireInDueOrder()
    {
        var clock = new FakeTimeProvider(Start);
        var order = new List<string>();
        using var late = clock.CreateTimer(_ => order.Add("late"), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => order.Add("early"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(["early", "late"], order);
    }

    [Fact]
    public void Dispose_PendingTimer_NeverFires()
    {
        var clock = new FakeTimeProvider(Start);
        var fired = 0;
        var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        timer.Dispose();
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, fired);
        Assert.False(timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void Change_ToInfinite_StopsTimer()
    {
        var clock = new FakeTimeProvider(Start);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, fired);
        Assert.Equal(0, clock.ActiveTimerCount);
    }

    [Fact]
    public async Task Delay_WithFakeClock_CompletesOnlyAfterAdvance()
    {
        var clock = new FakeTimeProvider(Start);

        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock);
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(30));

        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Advance_CallbackReschedulesItself_RunsAgainInSameAdvance()
    {
        var clock = new FakeTimeProvider(Start);
        var fired = 0;
        ITimer? timer = null;
        timer = clock.CreateTimer(
            _ =>
            {
                fired++;
                timer!.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            },
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(3));
        timer.Dispose();

        Assert.Equal(3, fired);
    }
}
