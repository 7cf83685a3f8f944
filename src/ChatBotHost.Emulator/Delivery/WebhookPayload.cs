using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Delivery;

/// <summary>The webhook-mode envelope (spec §5.3): data.bot is reduced to {id, code, auth}; top-level auth carries the bot's synthetic application_token.</summary>
internal static class WebhookPayload
{
    private const int TokenLifetimeSeconds = 3600;

    public static JsonObject Build(PortalState state, BotState bot, string type, JsonObject data)
    {
        var settings = state.Settings;
        var now = state.Now.ToUnixTimeSeconds();
        var app = state.App is { } installation && bot.Token == state.AppOwner ? installation : null;
        var botData = new JsonObject
        {
            ["bot"] = new JsonObject
            {
                ["id"] = bot.Id,
                ["code"] = bot.Code,
                // Deliberately not the bot's token as application_token: the spec says never to verify with this one.
                ["auth"] = OAuthAuthBlock.Create(
                    settings, app?.CurrentAccessToken() ?? bot.AccessToken, state.Now.AddSeconds(TokenLifetimeSeconds), "imbot,im", settings.InstallationToken),
            },
        };
        foreach (var (key, value) in data)
        {
            botData[key] = value?.DeepClone();
        }

        return new JsonObject
        {
            ["event"] = type,
            ["data"] = botData,
            ["ts"] = now,
            ["auth"] = new JsonObject
            {
                ["domain"] = settings.Domain,
                ["client_endpoint"] = settings.ClientEndpoint,
                ["server_endpoint"] = settings.ServerEndpoint,
                ["member_id"] = settings.MemberId,
                // An application's bots are verified with the installation's token; webhook-auth bots get a synthetic one.
                ["application_token"] = app?.ApplicationToken ?? bot.ApplicationToken,
            },
        };
    }
}
