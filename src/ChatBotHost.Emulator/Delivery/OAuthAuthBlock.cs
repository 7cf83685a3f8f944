using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Delivery;

/// <summary>
/// The OAuth <c>auth</c> block the portal puts into an application's events (spec §1.3, §5.3): the access token, its
/// lifetime and the portal's endpoints and ids. ONAPPINSTALL adds the refresh token; a bot event's copy sits in data.bot.
/// </summary>
internal static class OAuthAuthBlock
{
    public static JsonObject Create(PortalSettings settings, string accessToken, DateTimeOffset expiresAt, string scope, string applicationToken) => new()
    {
        ["access_token"] = accessToken,
        ["expires"] = expiresAt.ToUnixTimeSeconds(),
        ["expires_in"] = 3600,
        ["scope"] = scope,
        ["domain"] = settings.Domain,
        ["server_endpoint"] = settings.ServerEndpoint,
        ["status"] = "L",
        ["client_endpoint"] = settings.ClientEndpoint,
        ["member_id"] = settings.MemberId,
        ["user_id"] = settings.AdminUserId,
        ["application_token"] = applicationToken,
    };
}
