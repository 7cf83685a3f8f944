using System.Globalization;
using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

public abstract partial class InboxStoreContract
{
    [Fact]
    public async Task EnqueueAsync_AWholeLargePageAtOnce_StoresEveryItemAndMakesEachNewDialogClaimableAtItsOwnTime()
    {
        // Larger than one call of the enqueue lane, as a whole Event.get page may be: the Redis store marks the dialogs
        // ready in slices, and every slice must keep each dialog with its own item's time.
        var store = await CreateAsync();
        var items = Enumerable.Range(0, 1_300)
            .Select(i => Item($"m{i}", dialogId: $"chat{i % 1_200}", receivedAt: T0.AddMilliseconds(i)))
            .ToList();

        var claimable = await store.EnqueueAsync(items, CancellationToken.None);

        Assert.Equal(items.Select((_, i) => i < 1_200), claimable);
        Assert.Equal(1_300, await store.DepthAsync(Portal, CancellationToken.None));
        Assert.Empty(await store.ClaimAsync(Portal, T0.AddMilliseconds(-1), Lease, 10, CancellationToken.None));
        var last = await store.ClaimAsync(Portal, T0.AddMilliseconds(1_199), Lease, 2_000, CancellationToken.None);
        Assert.Equal(1_200, last.Count);
        Assert.Equal("m1199", last[^1].Item.Payload);
        Assert.Equal(
            Enumerable.Range(0, 1_200).Select(i => "m" + i.ToString(CultureInfo.InvariantCulture)),
            last.Select(c => c.Item.Payload));
    }
}
