using System.Text.Json.Nodes;

namespace ChatBotHost.Abstractions.Messages;

/// <summary>Checks attach block values and writes them with the UPPERCASE keys Bitrix24 expects.</summary>
internal static class AttachWire
{
    public static JsonObject Link(AttachLink v) => new JsonObject()
        .Opt("LINK", CheckLink("LINK", "LINK", v.Link, required: true))
        .Opt("NAME", v.Name)
        .Opt("DESC", v.Desc)
        .Opt("HTML", v.Html)
        .Opt("PREVIEW", CheckLink("LINK", "PREVIEW", v.Preview))
        .Opt("WIDTH", CheckPositive("LINK", "WIDTH", v.Width))
        .Opt("HEIGHT", CheckPositive("LINK", "HEIGHT", v.Height))
        .Opt("USER_ID", v.UserId)
        .Opt("CHAT_ID", v.ChatId)
        .Opt("NETWORK_ID", v.NetworkId);

    public static JsonObject User(AttachUser v) => new JsonObject()
        .Opt("NAME", CheckText("USER", "NAME", v.Name))
        .Opt("AVATAR", CheckLink("USER", "AVATAR", v.Avatar))
        .Opt("LINK", CheckLink("USER", "LINK", v.Link))
        .Opt("USER_ID", v.UserId)
        .Opt("CHAT_ID", v.ChatId)
        .Opt("BOT_ID", v.BotId)
        .Opt("NETWORK_ID", v.NetworkId)
        .Opt("AVATAR_TYPE", v.AvatarType?.ToString().ToUpperInvariant());

    public static JsonObject GridItem(GridItem v) => new JsonObject()
        .Opt("DISPLAY", v.Display.ToString().ToUpperInvariant())
        .Opt("NAME", v.Name)
        .Opt("VALUE", v.Value)
        .Opt("WIDTH", CheckPositive("GRID", "WIDTH", v.Width))
        .Opt("HEIGHT", CheckPositive("GRID", "HEIGHT", v.Height))
        .Opt("COLOR_TOKEN", v.ColorToken is { } token ? ButtonWire.Name(token) : null)
        .Opt("COLOR", CheckColor("GRID", "COLOR", v.Color))
        .Opt("LINK", CheckLink("GRID", "LINK", v.Link))
        .Opt("USER_ID", v.UserId)
        .Opt("CHAT_ID", v.ChatId);

    public static JsonObject Image(AttachImage v) => new JsonObject()
        .Opt("LINK", CheckLink("IMAGE", "LINK", v.Link, required: true))
        .Opt("NAME", v.Name)
        .Opt("PREVIEW", CheckLink("IMAGE", "PREVIEW", v.Preview))
        .Opt("WIDTH", CheckPositive("IMAGE", "WIDTH", v.Width))
        .Opt("HEIGHT", CheckPositive("IMAGE", "HEIGHT", v.Height));

    public static JsonObject File(AttachFile v) => new JsonObject()
        .Opt("LINK", CheckLink("FILE", "LINK", v.Link, required: true))
        .Opt("NAME", v.Name)
        .Opt("SIZE", v.Size is < 0 ? throw Problem("FILE", $"SIZE {v.Size} is negative") : v.Size);

    public static JsonObject Delimiter(int? size, string? color) => new JsonObject()
        .Opt("SIZE", CheckPositive("DELIMITER", "SIZE", size))
        .Opt("COLOR", CheckColor("DELIMITER", "COLOR", color));

    public static string CheckText(string block, string key, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw Problem(block, $"{key} is required") : value;

    public static string? CheckColor(string? block, string key, string? value) =>
        value is not null && !WireValues.IsHexColor(value) ? throw Problem(block, $"{key} \"{value}\" is not a #RGB or #RRGGBB colour") : value;

    public static ArgumentException Problem(string? block, string problem) =>
        new(block is null ? $"Attach: {problem}." : $"Attach {block} block: {problem}.");

    private static string? CheckLink(string block, string key, string? value, bool required = false)
    {
        if (value is null)
        {
            return required ? throw Problem(block, $"{key} is required") : null;
        }

        return WireValues.IsLink(value) ? value : throw Problem(block, $"{key} \"{value}\" is neither an http(s) URL nor a relative \"/path\"");
    }

    private static int? CheckPositive(string block, string key, int? value) =>
        value is <= 0 ? throw Problem(block, $"{key} {value} must be positive") : value;
}
