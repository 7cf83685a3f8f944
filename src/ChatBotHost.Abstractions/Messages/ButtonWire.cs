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

        return new JsonObject { ["TEXT"] = b.Text }
            .Opt("LINK", b.Link)
            .Opt("COMMAND", b.Command)
            .Opt("COMMAND_PARAMS", b.CommandParams)
            .Opt("ACTION", b.Action is { } action ? Name(action) : null)
            .Opt("ACTION_VALUE", b.ActionValue)
            .Opt("APP_ID", b.AppId)
            .Opt("APP_PARAMS", b.AppParams)
            .Opt("BLOCK", b.Block)
            .Opt("DISABLED", b.Disabled)
            .Opt("CONTEXT", b.Context is { } context ? Name(context) : null)
            .Opt("DISPLAY", b.Display is { } display ? Name(display) : null)
            .Opt("WIDTH", b.Width)
            .Opt("BG_COLOR", b.BgColor)
            .Opt("TEXT_COLOR", b.TextColor)
            .Opt("OFF_BG_COLOR", b.OffBgColor)
            .Opt("OFF_TEXT_COLOR", b.OffTextColor)
            .Opt("BG_COLOR_TOKEN", b.BgColorToken is { } token ? Name(token) : null);
    }

    /// <summary>The wire value of a colour token (buttons, attaches, grid items); Bitrix24 documents these in lower case.</summary>
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
}
