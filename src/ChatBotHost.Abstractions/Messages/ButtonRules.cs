namespace ChatBotHost.Abstractions.Messages;

/// <summary>Checks a button against the rules Bitrix24 enforces silently (a bad button is dropped, not rejected).</summary>
internal static class ButtonRules
{
    /// <summary>Returns the button ready to send (command without its leading '/'), or throws naming the problem.</summary>
    public static Button Check(Button button, int position)
    {
        ArgumentNullException.ThrowIfNull(button);
        if (button.IsNewLine)
        {
            return Button.NewLine;
        }

        var problem = FindProblem(button);
        if (problem is not null)
        {
            var name = string.IsNullOrWhiteSpace(button.Text) ? $"#{position + 1}" : $"#{position + 1} \"{button.Text}\"";
            throw new ArgumentException($"Keyboard button {name}: {problem}.", nameof(button));
        }

        return button.Command is { } command && command.StartsWith('/') ? button with { Command = command[1..] } : button;
    }

    private static string? FindProblem(Button b)
    {
        if (string.IsNullOrWhiteSpace(b.Text))
        {
            return "TEXT is required";
        }

        var actions = new List<string>(4);
        if (b.Link is not null) { actions.Add("LINK"); }
        if (b.Command is not null) { actions.Add("COMMAND"); }
        if (b.Action is not null || b.ActionValue is not null) { actions.Add("ACTION"); }
        if (b.AppId is not null) { actions.Add("APP_ID"); }
        if (actions.Count != 1)
        {
            return actions.Count == 0
                ? "needs one action: LINK, COMMAND, ACTION with ACTION_VALUE, or APP_ID"
                : $"needs exactly one action but has {string.Join(" and ", actions)}";
        }

        return FindActionProblem(b) ?? FindLookProblem(b);
    }

    private static string? FindActionProblem(Button b)
    {
        if (b.Link is not null && !WireValues.IsLink(b.Link))
        {
            return $"LINK \"{b.Link}\" is neither an http(s) URL nor a relative \"/path\"";
        }

        if (b.Command is not null && (b.Command.TrimStart('/').Length == 0 || b.Command.Any(char.IsWhiteSpace)))
        {
            return $"COMMAND \"{b.Command}\" must be a command name without spaces (parameters go in COMMAND_PARAMS)";
        }

        if (b.CommandParams is not null && b.Command is null)
        {
            return "COMMAND_PARAMS is only sent with COMMAND";
        }

        if (b.Action is null != b.ActionValue is null)
        {
            return "ACTION and ACTION_VALUE go together";
        }

        if (b.AppParams is not null && b.AppId is null)
        {
            return "APP_PARAMS is only sent with APP_ID";
        }

        return null;
    }

    private static string? FindLookProblem(Button b)
    {
        if (b.Width is <= 0)
        {
            return $"WIDTH {b.Width} must be positive";
        }

        (string Key, string? Value)[] colors =
            [("BG_COLOR", b.BgColor), ("TEXT_COLOR", b.TextColor), ("OFF_BG_COLOR", b.OffBgColor), ("OFF_TEXT_COLOR", b.OffTextColor)];
        foreach (var (key, value) in colors)
        {
            if (value is not null && !WireValues.IsHexColor(value))
            {
                return $"{key} \"{value}\" is not a #RGB or #RRGGBB colour";
            }
        }

        return null;
    }
}
