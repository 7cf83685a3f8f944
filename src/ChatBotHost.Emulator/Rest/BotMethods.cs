using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>The imbot.v2.Bot.* methods and Revision.get (spec §4.1, §4.8).</summary>
internal static class BotMethods
{
    private const string Prefix = "imbot.v2.";

    public static IEnumerable<RestMethod> All() =>
    [
        new(Prefix + "Bot.register", BotAuth.Custom, BotRegistration.Register),
        new(Prefix + "Bot.update", BotAuth.BotId, BotRegistration.Update),
        new(Prefix + "Bot.get", BotAuth.Token, Get),
        new(Prefix + "Bot.list", BotAuth.Token, List),
        new(Prefix + "Bot.unregister", BotAuth.BotId, Unregister),
        new(Prefix + "Revision.get", BotAuth.None, _ => Revision()),
    ];

    private static JsonObject Get(RestCall call)
    {
        var state = call.State;
        var bot = call.Params.Int("botId") is int id ? state.FindBot(id)
            : call.Params.Text("code") is { } code ? state.FindBot(code)
            : throw new RestException("PARAMS_REQUIRED", "botId or code is required");
        if (bot is null)
        {
            throw new RestException("BOT_NOT_FOUND", "Bot not found");
        }

        var owner = string.Equals(bot.Token, call.Token, StringComparison.Ordinal);
        return new JsonObject
        {
            ["bot"] = owner ? BotJson.Extended(bot, state) : BotJson.Brief(bot, state),
            ["users"] = BotJson.Users(bot, state),
        };
    }

    /// <summary>The caller's bots (webhook auth: the bots registered with the caller's token).</summary>
    private static JsonObject List(RestCall call)
    {
        var state = call.State;
        var type = call.Params.Object("filter")?.Text("type");
        var limit = Math.Clamp(call.Params.Int("limit") ?? 50, 1, 50);
        var offset = Math.Max(call.Params.Int("offset") ?? 0, 0);
        var matching = state.Bots.Values
            .Where(b => string.Equals(b.Token, call.Token, StringComparison.Ordinal))
            .Where(b => type is null || string.Equals(b.Type, type, StringComparison.Ordinal))
            .ToList();
        var page = matching.Skip(offset).Take(limit).ToList();
        return new JsonObject
        {
            ["bots"] = new JsonArray([.. page.Select(b => BotJson.Extended(b, state))]),
            ["users"] = new JsonArray([.. page.SelectMany(b => BotJson.Users(b, state)).Select(u => u?.DeepClone())]),
            ["hasNextPage"] = offset + page.Count < matching.Count,
        };
    }

    private static JsonObject Unregister(RestCall call)
    {
        // Not awaited: Bitrix24 queues the DELETE event; the lane still sends it after everything before it.
        _ = BotRemoval.Remove(call.State, call.Bot);
        return Ok.Result();
    }

    private static JsonObject Revision() => new() { ["rest"] = 36, ["web"] = 130, ["mobile"] = 23, ["desktop"] = 6 };
}
