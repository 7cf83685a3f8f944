using System.Net;
using ChatBotHost.OAuth;
using ChatBotHost.State;

namespace ChatBotHost.Tests.OAuth;

public sealed class PortalGuardTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public async Task RevokeAsync_CallUnderWay_CompletesOnlyWhenItFinished_AndNothingStartsMeanwhile()
    {
        var guard = new PortalGuard();
        Assert.True(guard.TryEnter());

        var revoked = guard.RevokeAsync();

        Assert.False(revoked.IsCompleted);
        Assert.False(guard.TryEnter());
        guard.Exit();
        await revoked.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(guard.IsRevoked);
    }

    [Fact]
    public async Task RevokeAsync_NothingUnderWay_CompletesAtOnce()
    {
        var guard = new PortalGuard();

        await guard.RevokeAsync().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(guard.TryEnter());
    }

    [Fact]
    public async Task SendAsync_TokensPresent_Sent()
    {
        var bed = new TokenBed(new OAuthTokenHandler());
        await bed.InstallAsync(new OAuthTokens("access-0", "refresh-0", Start, Start));
        var inner = new CountingHandler();
        using var client = new HttpClient(new PortalGuardHandler(bed.Replica(), bed.Tokens) { InnerHandler = inner });

        using var answer = await client.GetAsync(new Uri("https://a.bitrix24.test/rest/x"));

        Assert.Equal(1, inner.Sent);
    }

    [Fact]
    public async Task SendAsync_TokensDeletedByAnotherReplicasUninstall_NotSent_AndTheGuardStaysClosed()
    {
        var bed = new TokenBed(new OAuthTokenHandler());
        await bed.InstallAsync(new OAuthTokens("access-0", "refresh-0", Start, Start));
        var portal = bed.Replica();
        var inner = new CountingHandler();
        using var client = new HttpClient(new PortalGuardHandler(portal, bed.Tokens) { InnerHandler = inner });
        await bed.Tokens.DeleteAsync(TokenBed.MemberId, CancellationToken.None);

        await Assert.ThrowsAsync<PortalUninstalledException>(() => client.GetAsync(new Uri("https://a.bitrix24.test/rest/x")));
        await bed.Tokens.SaveAsync(TokenBed.MemberId, new OAuthTokens("access-1", "refresh-1", Start, Start), CancellationToken.None);
        await Assert.ThrowsAsync<PortalUninstalledException>(() => client.GetAsync(new Uri("https://a.bitrix24.test/rest/x")));

        Assert.Equal(0, inner.Sent);
        Assert.True(portal.Guard.IsRevoked);
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
