using ChatBotHost.Hosting;

namespace ChatBotHost.Operations.Health;

/// <summary>The portals reached through an incoming-webhook URL: their credential never expires.</summary>
internal sealed class WebhookPortalHealthSource(BotDirectory bots) : IPortalHealthSource
{
    public Task<IReadOnlyList<PortalTokenState>> GetTokenStatesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PortalTokenState>>([
            .. bots.All.Where(b => b.Portal.OAuth is null).Select(b => b.Portal.Key).Distinct(StringComparer.Ordinal)
                .Select(portal => new PortalTokenState(portal, PortalTokenState.States.Webhook)),
        ]);
}
