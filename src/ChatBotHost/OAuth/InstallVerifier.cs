using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.App;
using ChatBotHost.Hosting;

namespace ChatBotHost.OAuth;

/// <summary>
/// What an install POST must prove before anything is stored. Anyone can POST to /bitrix/install, so: (1) the OAuth
/// server, which knows our client_secret, must take the posted refresh token and name the same member_id; the portal's
/// endpoint is the one in that answer, never the form's; (2) a re-install of a portal already known here must come
/// from a portal administrator, which the portal itself tells (user.admin with the confirmed tokens). Any user of the
/// application holds a refresh token of the portal, so (1) alone would let every user replace the installation.
/// </summary>
internal sealed partial class InstallVerifier(OAuthServerClient server, IHttpClientFactory httpClients, ILogger<InstallVerifier> logger)
{
    /// <summary>The confirmed install, or null when the OAuth server did not confirm it (logged).</summary>
    public async Task<ConfirmedInstall?> ConfirmAsync(InstallForm form, CancellationToken cancellationToken)
    {
        TokenGrant grant;
        try
        {
            grant = await server.RefreshAsync(form.RefreshToken, cancellationToken);
        }
        catch (OAuthGrantException ex)
        {
            LogNotConfirmed(logger, form.MemberId, ex.Error);
            return null;
        }

        if (grant.MemberId != form.MemberId)
        {
            LogNotConfirmed(logger, form.MemberId, "the refresh token belongs to another portal");
            return null;
        }

        // Refused rather than guessed: the answer's "domain" is the OAuth server's own (oauth.bitrix.info), and the
        // form's endpoint is the sender's choice, so there is no trustworthy place to send the access token.
        if (!Uri.TryCreate(grant.ClientEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(endpoint.UserInfo))
        {
            LogNotConfirmed(logger, form.MemberId, "the OAuth server's answer names no portal endpoint");
            return null;
        }

        return new ConfirmedInstall(form.MemberId, grant, new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/"));
    }

    /// <summary>True when the confirmed tokens act as a portal administrator; null when the portal did not say.</summary>
    public async Task<bool?> IsAdministratorAsync(ConfirmedInstall install, CancellationToken cancellationToken)
    {
        try
        {
            return await ClientFor(install).CallAsync(new UserAdminRequest(), cancellationToken);
        }
        catch (BitrixApiException ex)
        {
            LogAdminUnknown(logger, OAuthPortal.KeyOf(install.MemberId), ex.Error);
            return null;
        }
    }

    /// <summary>A one-off client with the confirmed access token (no refresh: the pair is minutes old).</summary>
    public IBitrixClient ClientFor(ConfirmedInstall install)
    {
        var credentials = new OAuthCredentials(new FixedToken(new AccessToken(install.Grant.AccessToken, install.ClientEndpoint)), botId: null);
        return new BitrixClient(httpClients.CreateClient(PortalConnection.HttpClientName), credentials);
    }

    private sealed class FixedToken(AccessToken token) : ITokenProvider
    {
        public ValueTask<AccessToken> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

        public ValueTask<AccessToken?> RefreshAsync(AccessToken expired, CancellationToken cancellationToken) => ValueTask.FromResult<AccessToken?>(null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected an install for portal {MemberId}: the OAuth server did not confirm it ({Reason})")]
    private static partial void LogNotConfirmed(ILogger logger, string memberId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal}: user.admin could not be asked ({Error})")]
    private static partial void LogAdminUnknown(ILogger logger, string portal, string error);
}
