using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Portal;

/// <summary>Finds the keyboard button a press was for (spec §6.3), to remember BLOCK=Y buttons as pressed.</summary>
internal static class KeyboardButtons
{
    /// <summary>A button of a keyboard: its position in BUTTONS and whether a press blocks it.</summary>
    public sealed record Button(int Index, bool Blocks);

    /// <summary>
    /// The first button with this command and these params that is not blocked by an earlier press; a button whose
    /// params differ (a keyboard of choices shares one command) is another button. Null when every such button is blocked.
    /// </summary>
    public static Button? Find(JsonNode? keyboard, string command, string commandParams, IReadOnlyList<int> pressed)
    {
        if (Buttons(keyboard) is not { } buttons)
        {
            return null;
        }

        Button? blocked = null;
        for (var index = 0; index < buttons.Count; index++)
        {
            if (buttons[index] is not JsonObject button || !Matches(button, command, commandParams))
            {
                continue;
            }

            var found = new Button(index, IsYes(button["BLOCK"]));
            if (!(found.Blocks && pressed.Contains(index)))
            {
                return found;
            }

            blocked ??= found;
        }

        // Every button with this command and params is blocked: refused, as the messenger shows them disabled. No
        // button with exactly these params: the press goes through as before, with nothing to remember.
        return blocked is null ? new Button(-1, Blocks: false) : null;
    }

    // A keyboard is a bare array of buttons or {"BUTTONS": [...]}.
    private static JsonArray? Buttons(JsonNode? keyboard) => keyboard switch
    {
        JsonArray array => array,
        JsonObject wrapped => wrapped["BUTTONS"] as JsonArray,
        _ => null,
    };

    private static bool Matches(JsonObject button, string command, string commandParams) =>
        button["COMMAND"] is JsonValue name
        && string.Equals(name.ToString().TrimStart('/'), command, StringComparison.OrdinalIgnoreCase)
        && string.Equals(button["COMMAND_PARAMS"]?.ToString() ?? "", commandParams, StringComparison.Ordinal);

    private static bool IsYes(JsonNode? value) => value?.ToString() is "Y" or "y" or "true" or "True";
}
