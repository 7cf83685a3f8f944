using ChatBotHost.Configuration;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.OAuth;

/// <summary>What every portal's token provider shares: the stores, the OAuth server, the clock, the settings.</summary>
internal sealed class TokenRefreshContext(
    ITokenStore tokens,
    ILeaseStore leases,
    IPortalStore portals,
    OAuthServerClient server,
    IOptions<ChatBotHostOptions> options,
    TimeProvider time,
    ILogger<PortalTokens> logger)
{
    public ITokenStore Tokens => tokens;

    public ILeaseStore Leases => leases;

    public OAuthServerClient Server => server;

    public OAuthOptions Options => options.Value.OAuth;

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    /// <summary>Shown in the portal list (health) until the application is installed again.</summary>
    public async Task MarkNeedsReinstallAsync(string memberId, string reason, CancellationToken cancellationToken)
    {
        if (await portals.GetAsync(memberId, cancellationToken) is { } record)
        {
            await portals.SaveAsync(record with { Status = PortalStatus.NeedsReinstall, StatusReason = reason }, cancellationToken);
        }
    }
}
