using ChatBotHost.OAuth;
using ChatBotHost.State;

namespace ChatBotHost.Operations.Health;

/// <summary>The application portals from the shared portal store: ok while installed and refreshable, else needs-reinstall.</summary>
internal sealed class OAuthPortalHealthSource(IPortalStore portals) : IPortalHealthSource
{
    public async Task<IReadOnlyList<PortalTokenState>> GetTokenStatesAsync(CancellationToken cancellationToken) =>
        [
            .. (await portals.ListAsync(cancellationToken)).Select(p => p.Status == PortalStatus.Active
                ? new PortalTokenState(OAuthPortal.KeyOf(p.MemberId), PortalTokenState.States.Ok, p.Domain)
                : new PortalTokenState(OAuthPortal.KeyOf(p.MemberId), PortalTokenState.States.NeedsReinstall, p.StatusReason ?? p.Domain)),
        ];
}
