using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Rest;

/// <summary>The common botToken/botId checks every imbot.v2 method makes, in Bitrix24's order.</summary>
internal static class BotAuthorization
{
    public const int MaxTokenLength = 40;

    public static RestCall Authorize(RestMethod method, RestParams parameters, PortalState state, Caller caller)
    {
        if (method.Auth is BotAuth.None or BotAuth.Custom)
        {
            return new RestCall(state, parameters, parameters.Text("botToken"), null, caller);
        }

        var token = parameters.Text("botToken")
            ?? throw new RestException("BOT_TOKEN_NOT_SPECIFIED", "Bot token is not specified");
        if (method.Auth == BotAuth.Token)
        {
            return new RestCall(state, parameters, token, null, caller);
        }

        if (!parameters.Has("botId"))
        {
            throw new RestException("BOT_ID_REQUIRED", "Bot ID is required");
        }

        var bot = parameters.Int("botId") is int botId ? state.FindBot(botId) : null;
        if (bot is null)
        {
            throw new RestException("BOT_NOT_FOUND", "Bot not found");
        }

        if (!string.Equals(bot.Token, token, StringComparison.Ordinal))
        {
            throw new RestException("BOT_OWNERSHIP_ERROR", "Bot does not belong to this application");
        }

        return new RestCall(state, parameters, token, bot, caller);
    }
}
