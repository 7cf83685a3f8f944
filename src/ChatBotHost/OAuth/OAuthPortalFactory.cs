using ChatBotHost.Configuration;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.OAuth;

/// <summary>Makes an installed portal servable: its token provider, its connection, and one hosted bot per declared bot.</summary>
internal sealed class OAuthPortalFactory(
    BotCatalog catalog,
    IOptions<ChatBotHostOptions> options,
    TokenRefreshContext tokens,
    GuardedHttpClients httpClients,
    CallPipeline pipeline)
{
    public (OAuthPortal Portal, IReadOnlyList<HostedBot> Bots) Create(PortalRecord record)
    {
        var portal = new OAuthPortal(record, tokens);
        var connection = new PortalConnection(portal, httpClients.For(portal), pipeline);
        IReadOnlyList<HostedBot> bots =
        [
            .. catalog.Definitions.Select(definition => new HostedBot(definition, options.Value.For(definition.Code), botToken: null, connection)),
        ];
        return (portal, bots);
    }
}
