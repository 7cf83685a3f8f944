using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Shaping;

/// <summary>The Bot entity (spec §5.5): public fields for anyone, counters and eventMode for the owner.</summary>
internal static class BotJson
{
    public static JsonObject Brief(BotState bot, PortalState state) => new()
    {
        ["id"] = bot.Id,
        ["code"] = bot.Code,
        ["type"] = bot.Type,
        ["isHidden"] = bot.IsHidden,
        ["isSupportOpenline"] = bot.IsSupportOpenline,
        ["isReactionsEnabled"] = bot.IsReactionsEnabled,
        ["backgroundId"] = bot.BackgroundId,
        ["language"] = state.Settings.Language,
    };

    public static JsonObject Extended(BotState bot, PortalState state)
    {
        var chats = state.Chats.Values.Where(c => c.HasMember(bot.Id)).ToList();
        var json = Brief(bot, state);
        json["moduleId"] = "rest";
        json["eventMode"] = bot.EventMode;
        json["countMessage"] = bot.CountMessage;
        json["countCommand"] = state.Commands.Values.Count(c => c.BotId == bot.Id);
        json["countChat"] = chats.Count;
        json["countUser"] = chats.SelectMany(c => c.Members).Where(id => id != bot.Id).Distinct().Count();
        return json;
    }

    /// <summary>The bot's own user record, as Bot.register/get answer it in "users".</summary>
    public static JsonArray Users(BotState bot, PortalState state) =>
        state.FindUser(bot.Id) is { } user ? [UserJson.Full(user)] : [];
}
