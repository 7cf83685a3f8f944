using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>What every ITokenStore must do; run against each implementation by a subclass.</summary>
public abstract class TokenStoreContract
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    protected string MemberId { get; } = Guid.NewGuid().ToString("N");

    protected abstract Task<ITokenStore> CreateAsync();

    [Fact]
    public async Task GetAsync_NeverSaved_ReturnsNull()
    {
        var store = await CreateAsync();

        Assert.Null(await store.GetAsync(MemberId, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_Pair_RoundTripsAndReplacesWhole()
    {
        var store = await CreateAsync();
        await store.SaveAsync(MemberId, new OAuthTokens("a1", "r1", Now.AddHours(1), Now), CancellationToken.None);

        var second = new OAuthTokens("a2", "r2", Now.AddHours(2), Now.AddHours(1));
        await store.SaveAsync(MemberId, second, CancellationToken.None);

        Assert.Equal(second, await store.GetAsync(MemberId, CancellationToken.None));
    }

    [Fact]
    public async Task OfferAccessTokenAsync_Fresher_ReplacesAccessKeepsRefresh()
    {
        var store = await CreateAsync();
        await store.SaveAsync(MemberId, new OAuthTokens("a1", "r1", Now.AddHours(1), Now), CancellationToken.None);

        Assert.True(await store.OfferAccessTokenAsync(MemberId, "event-token", Now.AddHours(2), CancellationToken.None));

        Assert.Equal(new OAuthTokens("event-token", "r1", Now.AddHours(2), Now), await store.GetAsync(MemberId, CancellationToken.None));
    }

    [Fact]
    public async Task OfferAccessTokenAsync_NotFresher_Ignored()
    {
        var store = await CreateAsync();
        var pair = new OAuthTokens("a1", "r1", Now.AddHours(1), Now);
        await store.SaveAsync(MemberId, pair, CancellationToken.None);

        Assert.False(await store.OfferAccessTokenAsync(MemberId, "old", Now.AddMinutes(30), CancellationToken.None));
        Assert.False(await store.OfferAccessTokenAsync(Guid.NewGuid().ToString("N"), "x", Now.AddHours(5), CancellationToken.None));

        Assert.Equal(pair, await store.GetAsync(MemberId, CancellationToken.None));
    }

    [Fact]
    public async Task ExistsAsync_SavedThenDeleted_TrueThenFalse()
    {
        var store = await CreateAsync();
        Assert.False(await store.ExistsAsync(MemberId, CancellationToken.None));
        await store.SaveAsync(MemberId, new OAuthTokens("a1", "r1", Now.AddHours(1), Now), CancellationToken.None);
        Assert.True(await store.ExistsAsync(MemberId, CancellationToken.None));

        await store.DeleteAsync(MemberId, CancellationToken.None);

        Assert.False(await store.ExistsAsync(MemberId, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_Pair_Gone()
    {
        var store = await CreateAsync();
        await store.SaveAsync(MemberId, new OAuthTokens("a1", "r1", Now.AddHours(1), Now), CancellationToken.None);

        await store.DeleteAsync(MemberId, CancellationToken.None);

        Assert.Null(await store.GetAsync(MemberId, CancellationToken.None));
    }
}
