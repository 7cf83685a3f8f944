namespace ChatBotHost.Abstractions.Messages;

/// <summary>How a button is laid out in its row.</summary>
public enum ButtonDisplay
{
    /// <summary>As a block of its own (the default; wire: BLOCK).</summary>
    Block,

    /// <summary>Inline with its neighbours (wire: LINE).</summary>
    Line,
}
