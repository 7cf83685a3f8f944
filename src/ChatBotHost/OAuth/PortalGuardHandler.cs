using ChatBotHost.State;

namespace ChatBotHost.OAuth;

/// <summary>
/// The last step before a request leaves for an application portal. It refuses when this replica heard the portal
/// was uninstalled (<see cref="PortalGuard"/>), and otherwise asks the token store whether the pair still exists:
/// an uninstall deletes it before it answers, so a replica that missed the announcement stops too.
/// </summary>
internal sealed class PortalGuardHandler(OAuthPortal portal, ITokenStore tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!portal.Guard.TryEnter())
        {
            throw new PortalUninstalledException(portal.Key);
        }

        try
        {
            if (!await tokens.ExistsAsync(portal.MemberId, cancellationToken))
            {
                _ = portal.Guard.RevokeAsync(); // no need to ask the store again: nothing more is sent from here
                throw new PortalUninstalledException(portal.Key);
            }

            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            portal.Guard.Exit();
        }
    }
}
