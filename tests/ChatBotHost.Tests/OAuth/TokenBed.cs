using ChatBotHost.Configuration;
using ChatBotHost.OAuth;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.Tests.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Tests.OAuth;

/// <summary>Stores shared like Redis is shared by replicas; each <see cref="Replica"/> is one host's view of the portal.</summary>
internal sealed class TokenBed
{
    public const string MemberId = "member-1";
    private readonly OptionsWrapper<ChatBotHostOptions> _options = new(new ChatBotHostOptions
    {
        OAuth = { ClientId = "app", ClientSecret = "client-secret", ServerUrl = "https://oauth.test/" },
    });

    public TokenBed(OAuthTokenHandler handler, TimeProvider? time = null)
    {
        Handler = handler;
        Time = time ?? TimeProvider.System;
        Leases = new InMemoryLeaseStore(TimeProvider.System);
    }

    public OAuthTokenHandler Handler { get; }

    public TimeProvider Time { get; }

    public InMemoryTokenStore Tokens { get; } = new();

    public InMemoryPortalStore Portals { get; } = new();

    public InMemoryLeaseStore Leases { get; }

    public PortalRecord Record { get; } = new()
    {
        MemberId = MemberId,
        Domain = "a.bitrix24.test",
        ClientEndpoint = "https://a.bitrix24.test/rest/",
        ApplicationToken = "application-token",
    };

    public async Task InstallAsync(OAuthTokens tokens)
    {
        await Portals.SaveAsync(Record, CancellationToken.None);
        await Tokens.SaveAsync(MemberId, tokens, CancellationToken.None);
    }

    public OAuthPortal Replica()
    {
        var server = new OAuthServerClient(new HandlerClients(Handler), _options, Time);
        var context = new TokenRefreshContext(Tokens, Leases, Portals, server, _options, Time, NullLogger<PortalTokens>.Instance);
        return new OAuthPortal(Record, context);
    }
}
