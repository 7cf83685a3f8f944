using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>The contract's part on attempts: claims that run out unsettled are counted, atomically with the next claim.</summary>
public abstract partial class InboxStoreContract
{
    [Fact]
    public async Task ClaimAsync_AfterClaimsRanOutUnsettled_CountsEachAsAnAttemptOfTheHead()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1") with { Attempts = 1 }, CancellationToken.None);

        var first = Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None));
        var second = Assert.Single(await store.ClaimAsync(Portal, T0 + Lease, Lease, 10, CancellationToken.None));
        var third = Assert.Single(await store.ClaimAsync(Portal, T0 + Lease + Lease, Lease, 10, CancellationToken.None));

        Assert.Equal((0, 1), (first.RanOut, first.Item.Attempts));
        Assert.Equal((1, 2), (second.RanOut, second.Item.Attempts));
        Assert.Equal((2, 3), (third.RanOut, third.Item.Attempts));
        Assert.Equal("m1", third.Item.Payload);
    }

    [Fact]
    public async Task ClaimAsync_AfterAnAck_TheNextHeadStartsWithNoRanOutClaims()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1"), CancellationToken.None);
        await store.EnqueueAsync(Item("m2"), CancellationToken.None);
        await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None);
        var taken = Assert.Single(await store.ClaimAsync(Portal, T0 + Lease, Lease, 10, CancellationToken.None));

        Assert.True(await store.AckAsync(taken, CancellationToken.None));

        var next = Assert.Single(await store.ClaimAsync(Portal, T0 + Lease, Lease, 10, CancellationToken.None));
        Assert.Equal(("m2", 0, 0), (next.Item.Payload, next.RanOut, next.Item.Attempts));
    }

    [Fact]
    public async Task DeferAsync_AfterRanOutClaims_TheHeadCarriesTheCountAndItIsNotCountedTwice()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1"), CancellationToken.None);
        await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None);
        var taken = Assert.Single(await store.ClaimAsync(Portal, T0 + Lease, Lease, 10, CancellationToken.None));
        var retryAt = T0 + Lease + TimeSpan.FromSeconds(1);

        Assert.True(await store.DeferAsync(taken, taken.Item with { Attempts = taken.Item.Attempts + 1 }, retryAt, CancellationToken.None));

        var retry = Assert.Single(await store.ClaimAsync(Portal, retryAt, Lease, 10, CancellationToken.None));
        Assert.Equal((0, 2), (retry.RanOut, retry.Item.Attempts));
    }

    [Fact]
    public async Task ReleaseAsync_HeldClaim_IsNotCountedAndTheDialogWaitsForTheLeaseEnd()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1"), CancellationToken.None);
        var claim = Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None));

        Assert.True(await store.ReleaseAsync(claim, CancellationToken.None));

        Assert.False(await store.AckAsync(claim, CancellationToken.None));
        Assert.Empty(await store.ClaimAsync(Portal, T0 + Lease - TimeSpan.FromMilliseconds(1), Lease, 10, CancellationToken.None));
        var again = Assert.Single(await store.ClaimAsync(Portal, T0 + Lease, Lease, 10, CancellationToken.None));
        Assert.Equal((0, 0), (again.RanOut, again.Item.Attempts));
        Assert.Equal(1, await store.DepthAsync(Portal, CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_AfterEarlierClaimsRanOut_KeepsTheirCount()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1"), CancellationToken.None);
        await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None);
        var taken = Assert.Single(await store.ClaimAsync(Portal, T0 + Lease, Lease, 10, CancellationToken.None));

        Assert.True(await store.ReleaseAsync(taken, CancellationToken.None));

        var again = Assert.Single(await store.ClaimAsync(Portal, T0 + Lease + Lease, Lease, 10, CancellationToken.None));
        Assert.Equal((1, 1), (again.RanOut, again.Item.Attempts));
    }

    [Fact]
    public async Task ReleaseAsync_ClaimTakenOverAfterItsLease_ChangesNothing()
    {
        var store = await CreateAsync();
        await store.EnqueueAsync(Item("m1"), CancellationToken.None);
        var stale = Assert.Single(await store.ClaimAsync(Portal, T0, Lease, 10, CancellationToken.None));
        var current = Assert.Single(await store.ClaimAsync(Portal, T0 + Lease, Lease, 10, CancellationToken.None));

        Assert.False(await store.ReleaseAsync(stale, CancellationToken.None));

        Assert.True(await store.AckAsync(current, CancellationToken.None));
    }
}
