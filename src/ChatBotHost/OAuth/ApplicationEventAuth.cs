using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.OAuth;

/// <summary>
/// Verifies a webhook event of an application portal (spec §1.3, §5.3): its top-level auth must name the portal's
/// member_id and carry the installation's application_token (data.bot.auth.application_token is never used). The
/// access token in data.bot.auth is an application token for the same portal: it is kept when it outlives the
/// stored one, which spares a refresh; the refresh token is never taken from events.
/// </summary>
internal sealed partial class ApplicationEventAuth(ILogger<ApplicationEventAuth> logger)
{
    public async Task<bool> AcceptAsync(OAuthPortal portal, WebhookAuth? auth, string body, string? contentType)
    {
        if (auth?.ApplicationToken is not { } presented || auth.MemberId != portal.MemberId
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(portal.Record.ApplicationToken)))
        {
            return false;
        }

        try
        {
            if (EventToken(body, contentType) is { } fresh)
            {
                await portal.Tokens.OfferAsync(fresh.Token, fresh.ExpiresAt, CancellationToken.None);
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

    private static (string Token, DateTimeOffset ExpiresAt)? EventToken(string body, string? contentType)
    {
        var root = contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
            ? JsonNode.Parse(body) as JsonObject
            : PhpForm.Decode(body);
        if (root?["data"]?["bot"]?["auth"] is not JsonObject auth || auth["access_token"]?.ToString() is not { Length: > 0 } token)
        {
            return null;
        }

        // expires (unix) may be missing: expires_in counts from now.
        if (long.TryParse(auth["expires"]?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix))
        {
            return (token, DateTimeOffset.FromUnixTimeSeconds(unix));
        }

        return long.TryParse(auth["expires_in"]?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? (token, DateTimeOffset.UtcNow.AddSeconds(seconds))
            : null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Portal {Portal}: the event's access token was not taken")]
    private static partial void LogNotTaken(ILogger logger, Exception exception, string portal);
}
