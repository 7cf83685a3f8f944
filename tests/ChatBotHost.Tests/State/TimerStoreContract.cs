using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>What every ITimerStore must do; run against each implementation by a subclass.</summary>
public abstract class TimerStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected string Portal { get; } = TestPortals.Unique();

    /// <summary>A store over this test's timers; every call sees the same timers, as two replicas sharing one Redis do.</summary>
    protected abstract Task<ITimerStore> CreateAsync();

    protected TimerEntry Timer(string id, DateTimeOffset dueAt, string botCode = "echo", string? payload = null) => new()
    {
        Portal = Portal,
        BotCode = botCode,
        Id = id,
        DialogId = "chat42",
        DueAt = dueAt,
        Kind = "dialog",
        Name = "timeout",
        Payload = payload,
        Language = "de",
    };

    [Fact]
    public async Task ClaimDueAsync_DueTimer_ReturnsItUnchangedAndCompleteDeletesIt()
    {
        var store = await CreateAsync();
        var timer = Timer("t1", T0, payload: """{"text":"Привет, \"мир\" {x}:1"}""") with { DueAt = T0.ToOffset(TimeSpan.FromHours(3)) };
        await store.ScheduleAsync(timer, CancellationToken.None);

        var claimed = Assert.Single(await store.ClaimDueAsync(T0, Lease, 10, CancellationToken.None));

        Assert.Equal(timer, claimed.Timer);
        Assert.Equal(TimeSpan.FromHours(3), claimed.Timer.DueAt.Offset);
        Assert.False(string.IsNullOrEmpty(claimed.ClaimToken));
        Assert.True(await store.CompleteAsync(claimed, CancellationToken.None));
        Assert.Null(await store.NextDueAsync(CancellationToken.None));
        Assert.Empty(await store.ClaimDueAsync(T0 + Lease + Lease, Lease, 10, CancellationToken.None));
        Assert.False(await store.CompleteAsync(claimed, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimDueAsync_NotYetDue_ClaimsNothingUntilDueAt()
    {
        var store = await CreateAsync();
        await store.ScheduleAsync(Timer("t1", T0 + TimeSpan.FromSeconds(1)), CancellationToken.None);

        Assert.Empty(await store.ClaimDueAsync(T0 + TimeSpan.FromMilliseconds(999), Lease, 10, CancellationToken.None));

        Assert.Single(await store.ClaimDueAsync(T0 + TimeSpan.FromSeconds(1), Lease, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimDueAsync_DueHalfMillisecondAfterNow_ClaimsNothing()
    {
        var store = await CreateAsync();
        await store.ScheduleAsync(Timer("t1", T0 + TimeSpan.FromTicks(5_000)), CancellationToken.None);

        Assert.Empty(await store.ClaimDueAsync(T0, Lease, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimDueAsync_ClaimedTimer_HiddenUntilLeaseEndThenReclaimableWithNewToken()
    {
        var store = await CreateAsync();
        await store.ScheduleAsync(Timer("t1", T0), CancellationToken.None);
        var first = Assert.Single(await store.ClaimDueAsync(T0, Lease, 10, CancellationToken.None));

        Assert.Empty(await store.ClaimDueAsync(T0 + Lease - TimeSpan.FromMilliseconds(1), Lease, 10, CancellationToken.None));
        var second = Assert.Single(await store.ClaimDueAsync(T0 + Lease, Lease, 10, CancellationToken.None));

        Assert.Equal(first.Timer, second.Timer);
        Assert.NotEqual(first.ClaimToken, second.ClaimToken);
        // The first claimer took too long: its completion must not delete the timer the second claimer now owns.
        Assert.False(await store.CompleteAsync(first, CancellationToken.None));
        Assert.True(await store.CompleteAsync(second, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimDueAsync_TwentyConcurrentClaimersOnTwoStores_ClaimEachTimerExactlyOnce()
    {
        var stores = new[] { await CreateAsync(), await CreateAsync() };
        for (var i = 0; i < 50; i++)
        {
            await stores[0].ScheduleAsync(Timer($"t{i}", T0 - TimeSpan.FromSeconds(i)), CancellationToken.None);
        }

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claimers = Enumerable.Range(0, 20)
            .Select(i => Task.Run(async () =>
            {
                await go.Task;
                return await stores[i % 2].ClaimDueAsync(T0, Lease, 5, CancellationToken.None);
            }))
            .ToArray();
        go.SetResult();
        var claims = (await Task.WhenAll(claimers).WaitAsync(TimeSpan.FromSeconds(30))).SelectMany(c => c).ToList();

        // 20 claimers x 5 exceed the 50 timers, so every timer is claimed, and none twice.
        Assert.Equal(50, claims.Count);
        Assert.Equal(50, claims.Select(c => c.Timer.Id).Distinct().Count());
        Assert.Equal(50, claims.Select(c => c.ClaimToken).Distinct().Count());
        Assert.Empty(await stores[1].ClaimDueAsync(T0, Lease, 100, CancellationToken.None));
    }

    [Fact]
    public async Task CompleteAsync_TimerRescheduledWhileClaimed_KeepsNewTimer()
    {
        var store = await CreateAsync();
        await store.ScheduleAsync(Timer("t1", T0, payload: "\"old\""), CancellationToken.None);
        var claimed = Assert.Single(await store.ClaimDueAsync(T0, Lease, 10, CancellationToken.None));
        var later = T0 + TimeSpan.FromMinutes(5);

        await store.ScheduleAsync(Timer("t1", later, payload: "\"new\""), CancellationToken.None);

        Assert.False(await store.CompleteAsync(claimed, CancellationToken.None));
        Assert.Equal(later, await store.NextDueAsync(CancellationToken.None));
        var fired = Assert.Single(await store.ClaimDueAsync(later, Lease, 10, CancellationToken.None));
        Assert.Equal("\"new\"", fired.Timer.Payload);
    }

    [Fact]
    public async Task ScheduleAsync_ClaimedTimerRescheduledAsDue_IsClaimableAtOnce()
    {
        var store = await CreateAsync();
        await store.ScheduleAsync(Timer("t1", T0), CancellationToken.None);
        Assert.Single(await store.ClaimDueAsync(T0, Lease, 10, CancellationToken.None));

        await store.ScheduleAsync(Timer("t1", T0), CancellationToken.None);

        Assert.Single(await store.ClaimDueAsync(T0, Lease, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ScheduleAsync_ExistingId_ReplacesDueTime()
    {
        var store = await CreateAsync();
        await store.ScheduleAsync(Timer("t1", T0), CancellationToken.None);

        await store.ScheduleAsync(Timer("t1", T0 + TimeSpan.FromHours(1)), CancellationToken.None);

        Assert.Empty(await store.ClaimDueAsync(T0, Lease, 10, CancellationToken.None));
        Assert.Equal(T0 + TimeSpan.FromHours(1), await store.NextDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CancelAsync_ScheduledTimer_ReturnsTrueOnceAndTimerNeverFires()
    {
        var store = await CreateAsync();
        await store.ScheduleAsync(Timer("t1", T0), CancellationToken.None);

        Assert.True(await store.CancelAsync(Portal, "echo", "t1", CancellationToken.None));

        Assert.False(await store.CancelAsync(Portal, "echo", "t1", CancellationToken.None));
        Assert.Empty(await store.ClaimDueAsync(T0, Lease, 10, CancellationToken.None));
        Assert.Null(await store.NextDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CancelAsync_NeverScheduled_ReturnsFalse()
    {
        var store = await CreateAsync();

        Assert.False(await store.CancelAsync(Portal, "echo", "nothing", CancellationToken.None));
    }

    [Fact]
    public async Task CancelAsync_ClaimedTimer_RemovesItAndCompleteReturnsFalse()
    {
        var store = await CreateAsync();
        await store.ScheduleAsync(Timer("t1", T0), CancellationToken.None);
        var claimed = Assert.Single(await store.ClaimDueAsync(T0, Lease, 10, CancellationToken.None));

        Assert.True(await store.CancelAsync(Portal, "echo", "t1", CancellationToken.None));

        Assert.False(await store.CompleteAsync(claimed, CancellationToken.None));
        Assert.Empty(await store.ClaimDueAsync(T0 + Lease, Lease, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimDueAsync_SeveralDue_ReturnsEarliestFirst()
    {
        var store = await CreateAsync();
        foreach (var (id, seconds) in new[] { ("c", 3), ("a", 1), ("d", 4), ("b", 2) })
        {
            await store.ScheduleAsync(Timer(id, T0 - TimeSpan.FromSeconds(10 - seconds)), CancellationToken.None);
        }

        var claimed = await store.ClaimDueAsync(T0, Lease, 10, CancellationToken.None);

        Assert.Equal(["a", "b", "c", "d"], claimed.Select(c => c.Timer.Id));
    }

    [Fact]
    public async Task ClaimDueAsync_MoreDueThanMax_ClaimsEarliestMaxAndLeavesRest()
    {
        var store = await CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.ScheduleAsync(Timer($"t{i}", T0 + TimeSpan.FromSeconds(i)), CancellationToken.None);
        }

        var now = T0 + TimeSpan.FromMinutes(1);
        var first = await store.ClaimDueAsync(now, Lease, 2, CancellationToken.None);
        var second = await store.ClaimDueAsync(now, Lease, 2, CancellationToken.None);
        var third = await store.ClaimDueAsync(now, Lease, 2, CancellationToken.None);

        Assert.Equal(["t0", "t1"], first.Select(c => c.Timer.Id));
        Assert.Equal(["t2", "t3"], second.Select(c => c.Timer.Id));
        Assert.Equal(["t4"], third.Select(c => c.Timer.Id));
    }

    [Fact]
    public async Task NextDueAsync_TimersAndClaims_ReturnsEarliestCountingClaimsAtLeaseEnd()
    {
        var store = await CreateAsync();
        Assert.Null(await store.NextDueAsync(CancellationToken.None));
        await store.ScheduleAsync(Timer("soon", T0), CancellationToken.None);
        await store.ScheduleAsync(Timer("later", T0 + TimeSpan.FromMinutes(1)), CancellationToken.None);
        Assert.Equal(T0, await store.NextDueAsync(CancellationToken.None));

        await store.ClaimDueAsync(T0, Lease, 10, CancellationToken.None);

        Assert.Equal(T0 + Lease, await store.NextDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ScheduleAsync_SameIdUnderOtherBotsAndPortals_AreSeparateTimers()
    {
        var store = await CreateAsync();
        var other = TestPortals.Unique();
        TimerEntry[] timers =
        [
            Timer("t:1}", T0), Timer("t:1}", T0, botCode: "other"), Timer("t:1}", T0) with { Portal = other },
            Timer("1}", T0, botCode: "echo:t"), Timer("t", T0, botCode: "echo:1}"),
        ];
        foreach (var timer in timers)
        {
            await store.ScheduleAsync(timer, CancellationToken.None);
        }

        Assert.True(await store.CancelAsync(Portal, "echo", "t:1}", CancellationToken.None));

        var claimed = await store.ClaimDueAsync(T0, Lease, 10, CancellationToken.None);
        Assert.Equal(timers.Skip(1).ToHashSet(), claimed.Select(c => c.Timer).ToHashSet());
    }

    [Fact]
    public async Task ClaimDueAsync_LeaseBelowOneMillisecondOrMaxZero_Throws()
    {
        var store = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.ClaimDueAsync(T0, TimeSpan.Zero, 10, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.ClaimDueAsync(T0, Lease, 0, CancellationToken.None));
    }
}
