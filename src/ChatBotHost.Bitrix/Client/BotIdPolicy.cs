using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Client;

/// <summary>Which imbot.v2 methods carry botId and botToken (spec §1.1, §4), and filling them in.</summary>
internal static class BotIdPolicy
{
    private const string ImbotPrefix = "imbot.v2.";
    private const string BotRegister = "imbot.v2.Bot.register";
    private const string BotList = "imbot.v2.Bot.list";
    private const string BotGet = "imbot.v2.Bot.get";
    private const string RevisionGet = "imbot.v2.Revision.get";

    /// <summary>Every imbot.v2 method except Revision.get requires the botToken with webhook auth.</summary>
    public static bool TakesBotToken(string method) =>
        method.StartsWith(ImbotPrefix, StringComparison.OrdinalIgnoreCase) && !Is(method, RevisionGet);

    /// <summary>Whether the method is Bot.register, which also wants the token inside its fields.</summary>
    public static bool IsBotRegister(string method) => Is(method, BotRegister);

    /// <summary>Sets botId when the body lacks it (or has 0) and the method takes one.</summary>
    public static void FillBotId(string method, JsonObject parameters, int? botId)
    {
        if (botId is not > 0 || !TakesBotId(method, parameters) || HasBotId(parameters))
        {
            return;
        }

        parameters["botId"] = botId.Value;
    }

    private static bool TakesBotId(string method, JsonObject parameters)
    {
        if (!method.StartsWith(ImbotPrefix, StringComparison.OrdinalIgnoreCase)
            || Is(method, BotRegister) || Is(method, BotList) || Is(method, RevisionGet))
        {
            return false;
        }

        // Bot.get takes botId or code; a lookup by code must not be turned into a lookup of our own bot.
        return !Is(method, BotGet) || parameters["code"] is null;
    }

    private static bool HasBotId(JsonObject parameters) => parameters["botId"] switch
    {
        null => false,
        JsonValue value when value.TryGetValue(out int number) => number != 0,
        JsonValue value when value.TryGetValue(out string? text) => text is { Length: > 0 } and not "0",
        _ => true,
    };

    private static bool Is(string method, string name) => string.Equals(method, name, StringComparison.OrdinalIgnoreCase);
}
