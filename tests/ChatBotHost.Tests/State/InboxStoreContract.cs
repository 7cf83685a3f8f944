using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>What every IInboxStore must do; run against each implementation by a subclass.</summary>
public abstract partial class InboxStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected string Portal { get; } = TestPortals.Unique();

    /// <summary>A store over this test's inbox; every call sees the same inbox, as two replicas sharing one Redis do.</summary>
    protected abstract Task<IInboxStore> CreateAsync();

    protected InboxItem Item(string payload, string dialogId = "chat1", string botCode = "echo", DateTimeOffset? receivedAt = null) => new()
    {
        Portal = Portal,
        BotCode = botCode,
        DialogId = dialogId,
        DeduplicationKey = "e:" + payload,
        Source = InboxItem.Sources.Webhook,
        Payload = payload,
        ContentType = "application/x-www-form-urlencoded",
        ReceivedAt = receivedAt ?? T0,
    };

    [Fact]
    public async Task EnqueueAsync_IntoAnEmptyDialog_SaysItBecameClaimable_ButNotBehindAQueuedOrClaimedEvent()
    {
        var store = await CreateAsync();

        Assert.True(await store.EnqueueAsync(Item("m1"), CancellationToken.None));
        Assert.False(await store.EnqueueAsync(Item("m2"), CancellationToken.None));
        Assert.True(await store.EnqueueAsync(Item("other", dialogId: "chat2"), CancellationToken.None));
        var claims = await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None);
        Assert.False(await store.EnqueueAsync(Item("m3"), CancellationToken.None));

        foreach (var claim in claims)
        {
            await store.AckAsync(claim, CancellationToken.None);
        }

        // chat2 is empty again; chat1 still holds m2 and m3, and is claimable again after its ack.
        Assert.True(await store.EnqueueAsync(Item("again", dialogId: "chat2"), CancellationToken.None));
        Assert.False(await store.EnqueueAsync(Item("m4"), CancellationToken.None));
    }

    [Fact]
    public async Task EnqueueAsync_SeveralItemsAtOnce_KeepsTheirOrderPerDialog_AndSaysWhichMadeADialogClaimable()
    {
        var store = await CreateAsync();

        var claimable = await store.EnqueueAsync([Item("a1", dialogId: "a"), Item("a2", dialogId: "a"), Item("b1", dialogId: "b")], CancellationToken.None);

        Assert.Equal([true, false, true], claimable);
        Assert.Equal(3, await store.DepthAsync(Portal, CancellationToken.None));
        var claims = await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None);
        Assert.Equal(["a1", "b1"], claims.Select(c => c.Item.Payload).Order());
        await store.AckAsync(claims.Single(c => c.Item.DialogId == "a"), CancellationToken.None);
        Assert.Equal("a2", Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None)).Item.Payload);
    }

    [Fact]
    public async Task EnqueueAsync_ItemsOfTwoPortals_IsRefusedAndStoresNothing()
    {
        var store = await CreateAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.EnqueueAsync([Item("mine"), Item("theirs") with { Portal = Portal + "-other" }], CancellationToken.None));

        Assert.Equal(0, await store.DepthAsync(Portal, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_EnqueuedItem_ReturnsItUnchanged()
    {
        var store = await CreateAsync();
        var item = Item("""event=ONIMBOTV2MESSAGEADD&data%5Bx%5D=Привет "мир" {x}:1""", dialogId: "chat:1}{x") with { Attempts = 2 };
        await store.EnqueueAsync(item, CancellationToken.None);

        var claim = Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None));

        Assert.Equal(item, claim.Item);
        Assert.False(string.IsNullOrEmpty(claim.Token));
        Assert.Equal(T0, claim.ClaimedAt);
    }

    [Fact]
    public async Task ClaimAsync_OneDialog_YieldsItsItemsOneAtATimeInOrder()
    {
        var store = await CreateAsync();
        foreach (var payload in new[] { "m1", "m2", "m3" })
        {
            await store.EnqueueAsync(Item(payload), CancellationToken.None);
        }

        var seen = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var claim = Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None));
            // While it is claimed, the dialog's later items are not handed to anyone.
            Assert.Empty(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None));
            seen.Add(claim.Item.Payload);
            Assert.True(await store.AckAsync(claim, CancellationToken.None));
        }

        Assert.Equal(["m1", "m2", "m3"], seen);
        Assert.Empty(await store.ClaimAsync(Portal, T0 + Lease + Lease, Lease, 10, CancellationToken.None));
        Assert.Equal(0, await store.DepthAsync(Portal, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_DifferentDialogs_ClaimableInParallelEarliestFirst()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("b1", dialogId: "b", receivedAt: T0 + TimeSpan.FromSeconds(1)), CancellationToken.None);
        await store.EnqueueAsync(Item("a1", dialogId: "a", receivedAt: T0 + TimeSpan.FromSeconds(2)), CancellationToken.None);
        await store.EnqueueAsync(Item("c1", dialogId: "c", botCode: "other"), CancellationToken.None);
        await store.EnqueueAsync(Item("b2", dialogId: "b"), CancellationToken.None);

        var claims = await store.ClaimAsync(Portal, T0 + TimeSpan.FromSeconds(5), Lease, 10, CancellationToken.None);

        Assert.Equal(["c1", "b1", "a1"], claims.Select(c => c.Item.Payload));
        Assert.Equal(3, claims.Select(c => c.Token).Distinct().Count());
    }

    [Fact]
    public async Task ClaimAsync_ReceivedLater_NotClaimableBeforeItArrived()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1", receivedAt: T0 + TimeSpan.FromSeconds(1)), CancellationToken.None);

        Assert.Empty(await store.ClaimAsync(Portal, T0 + TimeSpan.FromMilliseconds(999), Lease, 10, CancellationToken.None));
        Assert.Single(await store.ClaimAsync(Portal, T0 + TimeSpan.FromSeconds(1), Lease, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_Max_LimitsTheNumberOfDialogs()
    {
        var store = await CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.EnqueueAsync(Item($"m{i}", dialogId: $"d{i}"), CancellationToken.None);
        }

        Assert.Equal(2, (await store.ClaimAsync(Portal, T0, Lease, 2, CancellationToken.None)).Count);
        Assert.Equal(3, (await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task ClaimAsync_OtherPortal_SeesNothing()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1"), CancellationToken.None);

        Assert.Empty(await store.ClaimAsync(TestPortals.Unique(), T0, Lease, 10, CancellationToken.None));
        Assert.Equal(0, await store.DepthAsync(TestPortals.Unique(), CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_ExpiredClaim_ReclaimableWithNewTokenAndStaleAckChangesNothing()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1"), CancellationToken.None);
        await store.EnqueueAsync(Item("m2"), CancellationToken.None);
        var first = Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None));

        Assert.Empty(await store.ClaimAsync(Portal, T0 + Lease - TimeSpan.FromMilliseconds(1), Lease, 10, CancellationToken.None));
        var second = Assert.Single(await store.ClaimAsync(Portal, T0 + Lease, Lease, 10, CancellationToken.None));

        Assert.Equal("m1", second.Item.Payload);
        Assert.NotEqual(first.Token, second.Token);
        // The first worker took too long: its ack must not remove the event the second worker now runs.
        Assert.False(await store.AckAsync(first, CancellationToken.None));
        Assert.False(await store.RenewAsync(first, T0 + Lease, Lease, CancellationToken.None));
        Assert.False(await store.DeferAsync(first, first.Item, T0, CancellationToken.None));
        Assert.Equal(2, await store.DepthAsync(Portal, CancellationToken.None));
        Assert.True(await store.AckAsync(second, CancellationToken.None));
        Assert.Equal("m2", Assert.Single(await store.ClaimAsync(Portal, T0 + Lease, Lease, 10, CancellationToken.None)).Item.Payload);
    }

    [Fact]
    public async Task AckAsync_TwiceWithOneClaim_SecondDoesNothing()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1"), CancellationToken.None);
        await store.EnqueueAsync(Item("m2"), CancellationToken.None);
        var claim = Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None));

        Assert.True(await store.AckAsync(claim, CancellationToken.None));
        Assert.False(await store.AckAsync(claim, CancellationToken.None));

        Assert.Equal(1, await store.DepthAsync(Portal, CancellationToken.None));
    }

    [Fact]
    public async Task EnqueueAsync_WhileDialogClaimed_DoesNotMakeItClaimableEarly()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1"), CancellationToken.None);
        var claim = Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None));

        await store.EnqueueAsync(Item("m2", receivedAt: T0 + TimeSpan.FromSeconds(1)), CancellationToken.None);

        Assert.Empty(await store.ClaimAsync(Portal, T0 + TimeSpan.FromSeconds(2), Lease, 10, CancellationToken.None));
        Assert.True(await store.AckAsync(claim, CancellationToken.None));
        Assert.Equal("m2", Assert.Single(await store.ClaimAsync(Portal, T0 + TimeSpan.FromSeconds(2), Lease, 10, CancellationToken.None)).Item.Payload);
    }

    [Fact]
    public async Task RenewAsync_HeldClaim_KeepsOthersOutUntilTheNewLeaseEnd()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1"), CancellationToken.None);
        var claim = Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None));
        var renewedAt = T0 + TimeSpan.FromSeconds(20);

        Assert.True(await store.RenewAsync(claim, renewedAt, Lease, CancellationToken.None));

        Assert.Empty(await store.ClaimAsync(Portal, T0 + Lease, Lease, 10, CancellationToken.None));
        Assert.Single(await store.ClaimAsync(Portal, renewedAt + Lease, Lease, 10, CancellationToken.None));
    }

    [Fact]
    public async Task DeferAsync_HeldClaim_KeepsTheUpdatedItemFirstUntilAvailable()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1"), CancellationToken.None);
        var claim = Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None));
        await store.EnqueueAsync(Item("m2"), CancellationToken.None);
        var retryAt = T0 + TimeSpan.FromSeconds(4);

        Assert.True(await store.DeferAsync(claim, claim.Item with { Attempts = 1 }, retryAt, CancellationToken.None));

        Assert.False(await store.AckAsync(claim, CancellationToken.None));
        Assert.Empty(await store.ClaimAsync(Portal, retryAt - TimeSpan.FromMilliseconds(1), Lease, 10, CancellationToken.None));
        // A new event in the dialog does not let it run before the retry: the failed event stays first.
        await store.EnqueueAsync(Item("m3", receivedAt: retryAt - TimeSpan.FromSeconds(1)), CancellationToken.None);
        Assert.Empty(await store.ClaimAsync(Portal, retryAt - TimeSpan.FromMilliseconds(1), Lease, 10, CancellationToken.None));
        var retry = Assert.Single(await store.ClaimAsync(Portal, retryAt, Lease, 10, CancellationToken.None));
        Assert.Equal("m1", retry.Item.Payload);
        Assert.Equal(1, retry.Item.Attempts);
        Assert.Equal(3, await store.DepthAsync(Portal, CancellationToken.None));
    }

    [Fact]
    public async Task DeferAsync_ItemOfAnotherDialog_Throws()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1"), CancellationToken.None);
        var claim = Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None));

        await Assert.ThrowsAsync<ArgumentException>(() => store.DeferAsync(claim, claim.Item with { DialogId = "other" }, T0, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_TwentyConcurrentClaimersOnTwoStores_ClaimEachDialogOnce()
    {
        var stores = new[] { await CreateAsync(), await CreateAsync() };
        for (var i = 0; i < 30; i++)
        {
            await stores[i % 2].EnqueueAsync(Item($"m{i}", dialogId: $"d{i % 10}"), CancellationToken.None);
        }

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claimers = Enumerable.Range(0, 20)
            .Select(i => Task.Run(async () =>
            {
                await go.Task;
                return await stores[i % 2].ClaimAsync(Portal, T0, Lease, 3, CancellationToken.None);
            }))
            .ToArray();
        go.SetResult();
        var claims = (await Task.WhenAll(claimers).WaitAsync(TimeSpan.FromSeconds(30))).SelectMany(c => c).ToList();

        // Ten dialogs, each claimed exactly once, each with its first item.
        Assert.Equal(10, claims.Count);
        Assert.Equal(10, claims.Select(c => c.Item.DialogId).Distinct().Count());
        Assert.All(claims, c => Assert.Equal($"m{c.Item.DialogId[1..]}", c.Item.Payload));
        Assert.Empty(await stores[1].ClaimAsync(Portal, T0, Lease, 100, CancellationToken.None));
    }

    [Fact]
    public async Task DepthAsync_CountsQueuedAndRunningItems()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1", dialogId: "a"), CancellationToken.None);
        await store.EnqueueAsync(Item("m2", dialogId: "a"), CancellationToken.None);
        await store.EnqueueAsync(Item("m3", dialogId: "b"), CancellationToken.None);
        var claims = await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None);

        Assert.Equal(3, await store.DepthAsync(Portal, CancellationToken.None));
        await store.AckAsync(claims[0], CancellationToken.None);
        Assert.Equal(2, await store.DepthAsync(Portal, CancellationToken.None));
    }
}
