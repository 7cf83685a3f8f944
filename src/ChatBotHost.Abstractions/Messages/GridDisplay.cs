namespace ChatBotHost.Abstractions.Messages;

/// <summary>How the items of one GRID block are laid out; all items of a block share one mode.</summary>
public enum GridDisplay
{
    /// <summary>Each item on a line of its own (wire: BLOCK).</summary>
    Block,

    /// <summary>Items as cards side by side, wrapping when the line is full (wire: LINE).</summary>
    Line,

    /// <summary>Two columns, name | value (wire: ROW).</summary>
    Row,

    /// <summary>A denser table; some clients draw it as <see cref="Row"/> (wire: TABLE).</summary>
    Table,
}
