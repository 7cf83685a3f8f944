using System.Text.Json.Nodes;

namespace ChatBotHost.Abstractions.Messages;

/// <summary>Builds the buttons under a message (spec §6.3), row by row; each button is checked as it is added.</summary>
public sealed class Keyboard
{
    private readonly List<Button> _buttons = [];

    /// <summary>The buttons in order, rows separated by <see cref="Button.NewLine"/> entries.</summary>
    public IReadOnlyList<Button> Buttons => _buttons.AsReadOnly();

    /// <summary>Adds a button after checking it; throws <see cref="ArgumentException"/> naming the button and the problem.</summary>
    public Keyboard Add(Button button)
    {
        _buttons.Add(ButtonRules.Check(button, _buttons.Count));
        return this;
    }

    /// <summary>Adds a button that invokes a registered bot command (given without '/'), which the bot then receives.</summary>
    public Keyboard Command(string text, string command, string? commandParams = null, Func<Button, Button>? style = null) =>
        Add(Styled(new Button { Text = text, Command = command, CommandParams = commandParams }, style));

    /// <summary>Adds a button that opens an http(s) URL or a portal-relative "/path".</summary>
    public Keyboard Link(string text, string url, Func<Button, Button>? style = null) =>
        Add(Styled(new Button { Text = text, Link = url }, style));

    /// <summary>Adds a button whose action the messenger performs itself (put, send, copy, call, open dialog).</summary>
    public Keyboard Action(string text, ButtonAction action, string value, Func<Button, Button>? style = null) =>
        Add(Styled(new Button { Text = text, Action = action, ActionValue = value }, style));

    /// <summary>Starts a new row of buttons.</summary>
    public Keyboard NewLine() => Add(Button.NewLine);

    /// <summary>The keyboard as <c>fields.keyboard</c>: BOT_ID (needed to route presses) and the BUTTONS array.</summary>
    public JsonObject ToJson(int botId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(botId);
        var buttons = new JsonArray();
        foreach (var button in _buttons)
        {
            buttons.Add(ButtonWire.ToJson(button));
        }

        return new JsonObject { ["BOT_ID"] = botId, ["BUTTONS"] = buttons };
    }

    private static Button Styled(Button button, Func<Button, Button>? style) => style is null ? button : style(button);
}
