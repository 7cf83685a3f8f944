using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>What every IPortalStore must do; run against each implementation by a subclass.</summary>
public abstract class PortalStoreContract
{
    protected abstract Task<IPortalStore> CreateAsync();

    private static PortalRecord Sample(string memberId) => new()
    {
        MemberId = memberId,
        Domain = "a.bitrix24.test",
        ClientEndpoint = "https://a.bitrix24.test/rest/",
        ApplicationToken = "app-token",
        InstalledAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000),
    };

    [Fact]
    public async Task SaveAsync_Portal_RoundTripsAndIsListed()
    {
        var store = await CreateAsync();
        var id = Guid.NewGuid().ToString("N");

        await store.SaveAsync(Sample(id), CancellationToken.None);

        Assert.Equal(Sample(id), await store.GetAsync(id, CancellationToken.None));
        Assert.Contains(await store.ListAsync(CancellationToken.None), p => p.MemberId == id);
    }

    [Fact]
    public async Task SaveAsync_NeedsReinstall_StatusAndReasonKept()
    {
        var store = await CreateAsync();
        var id = Guid.NewGuid().ToString("N");
        await store.SaveAsync(Sample(id), CancellationToken.None);

        await store.SaveAsync(Sample(id) with { Status = PortalStatus.NeedsReinstall, StatusReason = "invalid_grant" }, CancellationToken.None);

        var loaded = await store.GetAsync(id, CancellationToken.None);
        Assert.Equal(PortalStatus.NeedsReinstall, loaded!.Status);
        Assert.Equal("invalid_grant", loaded.StatusReason);
    }

    [Fact]
    public async Task DeleteAsync_Portal_GoneFromGetAndList()
    {
        var store = await CreateAsync();
        var id = Guid.NewGuid().ToString("N");
        await store.SaveAsync(Sample(id), CancellationToken.None);

        await store.DeleteAsync(id, CancellationToken.None);

        Assert.Null(await store.GetAsync(id, CancellationToken.None));
        Assert.DoesNotContain(await store.ListAsync(CancellationToken.None), p => p.MemberId == id);
    }
}
