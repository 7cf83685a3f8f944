using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;

namespace ChatBotHost.Emulator.Shaping;

/// <summary>The Command entity (spec §5.5), short and listed forms.</summary>
internal static class CommandJson
{
    public static JsonObject Short(EmulatedCommand command) => new()
    {
        ["id"] = command.Id,
        ["botId"] = command.BotId,
        ["command"] = command.Command,
        ["common"] = command.Common,
        ["hidden"] = command.Hidden,
        ["extranetSupport"] = command.ExtranetSupport,
    };

    /// <summary>Command.list's form: title and params localized to one string (portal language, else English, else any).</summary>
    public static JsonObject Listed(EmulatedCommand command, string botName, string language)
    {
        var json = Short(command);
        json["title"] = Localize(command.Title, language);
        json["params"] = Localize(command.Params, language);
        json["category"] = botName;
        json["context"] = "";
        return json;
    }

    private static string Localize(System.Collections.Immutable.ImmutableDictionary<string, string> texts, string language) =>
        texts.TryGetValue(language, out var text) ? text
        : texts.TryGetValue("en", out var english) ? english
        : texts.Values.FirstOrDefault() ?? "";
}
