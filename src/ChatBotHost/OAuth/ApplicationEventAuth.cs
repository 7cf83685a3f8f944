using ChatBotHost.Bitrix.Events;
using ChatBotHost.Operations.Logging;

namespace ChatBotHost.OAuth;

/// <summary>
/// Verifies a webhook event of an application portal (spec §1.3, §5.3): its top-level auth must name the portal's
/// member_id and carry the installation's application_token (data.bot.auth.application_token is never used). The
/// access token in data.bot.auth is an application token for the same portal: it is kept when it outlives the
/// stored one, which spares a refresh; the refresh token is never taken from events.
/// </summary>
internal sealed partial class ApplicationEventAuth(TimeProvider time, ILogger<ApplicationEventAuth> logger)
{
    public async Task<bool> AcceptAsync(OAuthPortal portal, WebhookRouting routing)
    {
        var auth = routing.Auth;
        if (auth?.ApplicationToken is not { } presented || auth.MemberId != portal.MemberId
            || !SecretComparison.AreEqual(presented, portal.Record.ApplicationToken))
        {
            return false;
        }

        try
        {
            if (routing.BotAccess is { } fresh)
            {
                await portal.Tokens.OfferAsync(fresh.Token, fresh.ExpiresFrom(time.GetUtcNow()), CancellationToken.None);
            }
        }
#pragma warning disable CA1031 // a token that could not be taken must not cost the event: it is only an optimisation
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogNotTaken(logger, ex, portal.Key);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Portal {Portal}: the event's access token was not taken")]
    private static partial void LogNotTaken(ILogger logger, Exception exception, string portal);
}
