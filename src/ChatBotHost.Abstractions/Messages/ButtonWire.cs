using System.Text.Json.Nodes;

namespace ChatBotHost.Abstractions.Messages;

/// <summary>Writes a checked button as the UPPERCASE-keyed object Bitrix24 expects.</summary>
internal static class ButtonWire
{
    /// <summary>The JSON of one button; null properties are left out so Bitrix24 applies its defaults.</summary>
    public static JsonObject ToJson(Button b)
    {
        if (b.IsNewLine)
        {
            return new JsonObject { ["TYPE"] = "NEWLINE" };
        }

        var json = new JsonObject { ["TEXT"] = b.Text };
        Put(json, "LINK", b.Link);
        Put(json, "COMMAND", b.Command);
        Put(json, "COMMAND_PARAMS", b.CommandParams);
        Put(json, "ACTION", b.Action is { } action ? Name(action) : null);
        Put(json, "ACTION_VALUE", b.ActionValue);
        if (b.AppId is { } appId) { json["APP_ID"] = appId; }
        Put(json, "APP_PARAMS", b.AppParams);
        Put(json, "BLOCK", b.Block is { } block ? WireValues.YesNo(block) : null);
        Put(json, "DISABLED", b.Disabled is { } disabled ? WireValues.YesNo(disabled) : null);
        Put(json, "CONTEXT", b.Context is { } context ? Name(context) : null);
        Put(json, "DISPLAY", b.Display is { } display ? Name(display) : null);
        if (b.Width is { } width) { json["WIDTH"] = width; }
        Put(json, "BG_COLOR", b.BgColor);
        Put(json, "TEXT_COLOR", b.TextColor);
        Put(json, "OFF_BG_COLOR", b.OffBgColor);
        Put(json, "OFF_TEXT_COLOR", b.OffTextColor);
        Put(json, "BG_COLOR_TOKEN", b.BgColorToken is { } token ? Name(token) : null);
        return json;
    }

    /// <summary>The wire value of a colour token; Bitrix24 documents these in lower case, unlike the other enums.</summary>
    public static string Name(ButtonColorToken token) => token switch
    {
        ButtonColorToken.Primary => "primary",
        ButtonColorToken.Secondary => "secondary",
        ButtonColorToken.Alert => "alert",
        _ => "base",
    };

    private static string Name(ButtonAction action) => action switch
    {
        ButtonAction.Put => "PUT",
        ButtonAction.Send => "SEND",
        ButtonAction.Copy => "COPY",
        ButtonAction.Call => "CALL",
        ButtonAction.Dialog => "DIALOG",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown button action."),
    };

    private static string Name(ButtonContext context) => context switch
    {
        ButtonContext.Mobile => "MOBILE",
        ButtonContext.Desktop => "DESKTOP",
        _ => "ALL",
    };

    private static string Name(ButtonDisplay display) => display == ButtonDisplay.Line ? "LINE" : "BLOCK";

    private static void Put(JsonObject json, string key, string? value)
    {
        if (value is not null)
        {
            json[key] = value;
        }
    }
}
