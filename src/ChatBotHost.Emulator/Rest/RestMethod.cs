using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Rest;

/// <summary>How a method authorizes (spec §1.1, §4 common errors).</summary>
internal enum BotAuth
{
    /// <summary>No botToken (Revision.get).</summary>
    None,

    /// <summary>botToken required, no botId (Bot.get, Bot.list).</summary>
    Token,

    /// <summary>botToken and botId required; the token must be the bot's.</summary>
    BotId,

    /// <summary>The handler checks (Bot.register takes the token in fields too; batch authorizes each sub-call).</summary>
    Custom,
}

/// <summary>A REST method: its name, its authorization and its handler.</summary>
internal sealed record RestMethod(string Name, BotAuth Auth, Func<RestCall, JsonNode?> Handler);
