using ChatBotHost.Bitrix.Client;
using ChatBotHost.State;

namespace ChatBotHost.Tests.OAuth;

public sealed class PortalTokensTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public async Task RefreshAsync_ThreeReplicasRace_OneGrantAndEveryoneGetsTheNewPair()
    {
        var bed = new TokenBed(new OAuthTokenHandler { Hold = true });
        await bed.InstallAsync(new OAuthTokens("access-0", "refresh-0", Start, Start));
        var replicas = Enumerable.Range(0, 3).Select(_ => bed.Replica()).ToList();
        var expired = new AccessToken("access-0", new Uri("https://a.bitrix24.test/rest/"));

        var refreshes = replicas.Select(r => r.Tokens.RefreshAsync(expired, CancellationToken.None).AsTask()).ToList();
        await bed.Handler.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        bed.Handler.Release.SetResult();
        var results = await Task.WhenAll(refreshes);

        Assert.Equal(1, bed.Handler.Requests);
        Assert.Equal(["refresh-0"], bed.Handler.RefreshTokensSeen);
        Assert.All(results, r => Assert.Equal("access-1", r!.Value));
        var stored = await bed.Tokens.GetAsync(TokenBed.MemberId, CancellationToken.None);
        Assert.Equal(("access-1", "refresh-1"), (stored!.AccessToken, stored.RefreshToken));
    }

    [Fact]
    public async Task RefreshAsync_TokenAlreadyReplaced_UsesStoredPairWithoutAGrant()
    {
        var bed = new TokenBed(new OAuthTokenHandler());
        await bed.InstallAsync(new OAuthTokens("access-new", "refresh-new", Start, Start));
        var replica = bed.Replica();

        var token = await replica.Tokens.RefreshAsync(new AccessToken("access-old", replica.ClientEndpoint), CancellationToken.None);

        Assert.Equal("access-new", token!.Value);
        Assert.Equal(0, bed.Handler.Requests);
    }

    [Fact]
    public async Task RefreshAsync_InvalidGrant_PortalNeedsReinstallAndNoToken()
    {
        var bed = new TokenBed(new OAuthTokenHandler { InvalidGrant = true });
        await bed.InstallAsync(new OAuthTokens("access-0", "refresh-0", Start, Start));
        var replica = bed.Replica();

        var token = await replica.Tokens.RefreshAsync(new AccessToken("access-0", replica.ClientEndpoint), CancellationToken.None);

        Assert.Null(token);
        var portal = await bed.Portals.GetAsync(TokenBed.MemberId, CancellationToken.None);
        Assert.Equal(PortalStatus.NeedsReinstall, portal!.Status);
        Assert.Contains("invalid_grant", portal.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshIfOlderThanAsync_YoungPair_NoGrant_OldPair_OneGrant()
    {
        var clock = new FakeTimeProvider(Start);
        var bed = new TokenBed(new OAuthTokenHandler(), clock);
        await bed.InstallAsync(new OAuthTokens("access-0", "refresh-0", Start.AddHours(1), Start));
        var replica = bed.Replica();

        clock.Advance(TimeSpan.FromDays(149));
        Assert.False(await replica.Tokens.RefreshIfOlderThanAsync(TimeSpan.FromDays(150), CancellationToken.None));
        Assert.Equal(0, bed.Handler.Requests);

        clock.Advance(TimeSpan.FromDays(2));
        Assert.True(await replica.Tokens.RefreshIfOlderThanAsync(TimeSpan.FromDays(150), CancellationToken.None));
        Assert.False(await replica.Tokens.RefreshIfOlderThanAsync(TimeSpan.FromDays(150), CancellationToken.None));
        Assert.Equal(1, bed.Handler.Requests);
        Assert.Equal(clock.GetUtcNow(), (await bed.Tokens.GetAsync(TokenBed.MemberId, CancellationToken.None))!.RefreshedAt);
    }

    [Fact]
    public async Task OfferAsync_FresherEventToken_UsedForCallsAndRefreshTokenKept()
    {
        var bed = new TokenBed(new OAuthTokenHandler());
        await bed.InstallAsync(new OAuthTokens("access-0", "refresh-0", Start, Start));
        var replica = bed.Replica();
        Assert.Equal("access-0", (await replica.Tokens.GetAsync(CancellationToken.None)).Value);

        await replica.Tokens.OfferAsync("from-event", Start.AddHours(1), CancellationToken.None);
        await replica.Tokens.OfferAsync("stale-event", Start.AddMinutes(1), CancellationToken.None);

        Assert.Equal("from-event", (await replica.Tokens.GetAsync(CancellationToken.None)).Value);
        Assert.Equal("refresh-0", (await bed.Tokens.GetAsync(TokenBed.MemberId, CancellationToken.None))!.RefreshToken);
    }
}
