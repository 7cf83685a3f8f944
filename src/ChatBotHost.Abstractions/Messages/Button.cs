namespace ChatBotHost.Abstractions.Messages;

/// <summary>
/// One keyboard button (spec §6.3). Needs a text and exactly one action: <see cref="Link"/>, <see cref="Command"/>,
/// <see cref="Action"/> with <see cref="ActionValue"/>, or <see cref="AppId"/>. Null properties are not sent.
/// </summary>
public sealed record Button
{
    /// <summary>The row break placed between buttons (wire: TYPE NEWLINE); <see cref="Keyboard.NewLine"/> adds it.</summary>
    public static Button NewLine { get; } = new() { Text = string.Empty, IsNewLine = true };

    /// <summary>True for the row break <see cref="NewLine"/>; such an entry carries no other field.</summary>
    public bool IsNewLine { get; private init; }

    /// <summary>The label.</summary>
    public required string Text { get; init; }

    /// <summary>Opens this http(s) URL or portal-relative "/path".</summary>
    public string? Link { get; init; }

    /// <summary>Invokes this registered bot command (without '/'); the bot receives a command event.</summary>
    public string? Command { get; init; }

    /// <summary>Parameters sent with <see cref="Command"/>.</summary>
    public string? CommandParams { get; init; }

    /// <summary>A client-side action performed with <see cref="ActionValue"/>.</summary>
    public ButtonAction? Action { get; init; }

    /// <summary>The text, phone number or dialog the <see cref="Action"/> uses.</summary>
    public string? ActionValue { get; init; }

    /// <summary>Opens this chat application (deprecated by Bitrix24; Open Channels only).</summary>
    public int? AppId { get; init; }

    /// <summary>Parameters for the application of <see cref="AppId"/>.</summary>
    public string? AppParams { get; init; }

    /// <summary>Disables the button after one press; only effective with <see cref="Command"/>.</summary>
    public bool? Block { get; init; }

    /// <summary>Shows the button disabled.</summary>
    public bool? Disabled { get; init; }

    /// <summary>Which clients show the button.</summary>
    public ButtonContext? Context { get; init; }

    /// <summary>Whether the button takes a block of its own or sits in line.</summary>
    public ButtonDisplay? Display { get; init; }

    /// <summary>Width in pixels.</summary>
    public int? Width { get; init; }

    /// <summary>Background colour, #RGB or #RRGGBB.</summary>
    public string? BgColor { get; init; }

    /// <summary>Text colour, #RGB or #RRGGBB.</summary>
    public string? TextColor { get; init; }

    /// <summary>Background colour while disabled, #RGB or #RRGGBB.</summary>
    public string? OffBgColor { get; init; }

    /// <summary>Text colour while disabled, #RGB or #RRGGBB.</summary>
    public string? OffTextColor { get; init; }

    /// <summary>A theme colour for the background.</summary>
    public ButtonColorToken? BgColorToken { get; init; }
}
