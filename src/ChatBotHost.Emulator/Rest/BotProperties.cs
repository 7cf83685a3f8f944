using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Rest;

/// <summary>Bot properties (name, lastName, workPosition, color, gender, avatar) and the bot's user record built from them.</summary>
internal static class BotProperties
{
    private static readonly Dictionary<string, string> Palette = new(StringComparer.OrdinalIgnoreCase)
    {
        ["red"] = "#df532d", ["green"] = "#64a513", ["mint"] = "#4ba984", ["lightBlue"] = "#4ba5c3",
        ["darkBlue"] = "#3e99ce", ["purple"] = "#8474c8", ["aqua"] = "#1eb4aa", ["pink"] = "#f76187",
        ["lime"] = "#58cc47", ["brown"] = "#ab7761", ["azure"] = "#29619b", ["khaki"] = "#728f7a",
        ["sand"] = "#ba9c7b", ["marengo"] = "#556574", ["gray"] = "#909090", ["graphite"] = "#5e5f5e",
    };

    private static readonly string[] TextKeys = ["name", "lastName", "workPosition", "gender"];

    /// <summary>Copies the known keys over <paramref name="target"/>; an unknown colour is ignored (spec §4.1).</summary>
    public static void Merge(JsonObject target, RestParams source)
    {
        foreach (var key in TextKeys)
        {
            if (source.String(key) is { } value)
            {
                target[key] = value;
            }
        }

        if (source.String("color") is { } color && Palette.ContainsKey(color))
        {
            target["color"] = color;
        }

        if (source.Text("avatar") is not null)
        {
            target["avatar"] = ""; // an uploaded avatar becomes a URL on the portal; the image itself is not kept
        }
    }

    public static EmulatedUser UserOf(BotState bot, DateTimeOffset now)
    {
        var props = bot.Properties;
        var color = props["color"]?.GetValue<string>();
        return new EmulatedUser(bot.Id, bot.Name, props["lastName"]?.GetValue<string>() ?? "", IsBot: true)
        {
            WorkPosition = props["workPosition"]?.GetValue<string>() ?? "",
            Gender = props["gender"]?.GetValue<string>() is "F" ? "F" : "M",
            Color = color is not null && Palette.TryGetValue(color, out var hex) ? hex : "#3e99ce",
            LastActivityDate = now,
        };
    }
}
