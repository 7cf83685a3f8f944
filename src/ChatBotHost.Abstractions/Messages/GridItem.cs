namespace ChatBotHost.Abstractions.Messages;

/// <summary>One name–value item of an attach GRID block.</summary>
public sealed record GridItem
{
    /// <summary>The layout; must be the same for every item of the block.</summary>
    public required GridDisplay Display { get; init; }

    /// <summary>The name (in <see cref="GridDisplay.Row"/> it may be left out to give the value the full width).</summary>
    public string? Name { get; init; }

    /// <summary>The value, BB-codes allowed (USER, CHAT, SEND, PUT, CALL, BR, B, U, I, S, URL).</summary>
    public string? Value { get; init; }

    /// <summary>Width of the item or column in pixels.</summary>
    public int? Width { get; init; }

    /// <summary>Height of the item in pixels.</summary>
    public int? Height { get; init; }

    /// <summary>A theme colour for the value.</summary>
    public ButtonColorToken? ColorToken { get; init; }

    /// <summary>The value's colour, #RGB or #RRGGBB.</summary>
    public string? Color { get; init; }

    /// <summary>Makes the value a link: an http(s) URL or a portal-relative "/path".</summary>
    public string? Link { get; init; }

    /// <summary>Makes the value open this portal user.</summary>
    public int? UserId { get; init; }

    /// <summary>Makes the value open this chat.</summary>
    public int? ChatId { get; init; }

    /// <summary>A two-column item, name | value.</summary>
    public static GridItem Row(string name, string value) => new() { Display = GridDisplay.Row, Name = name, Value = value };

    /// <summary>An item on a line of its own.</summary>
    public static GridItem Block(string name, string value) => new() { Display = GridDisplay.Block, Name = name, Value = value };

    /// <summary>An item shown as a card beside the others.</summary>
    public static GridItem Line(string name, string value) => new() { Display = GridDisplay.Line, Name = name, Value = value };

    /// <summary>An item of a dense table (drawn as a row by some clients).</summary>
    public static GridItem Table(string name, string value) => new() { Display = GridDisplay.Table, Name = name, Value = value };
}
