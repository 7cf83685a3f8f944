using System.Text.Json.Nodes;

namespace ChatBotHost.Testing;

/// <summary>A message the bot sent (Chat.Message.send or Command.answer), as the test portal recorded it.</summary>
public sealed record SentMessage
{
    /// <summary>The message id the portal gave it.</summary>
    public required int Id { get; init; }

    /// <summary>The dialog it went to.</summary>
    public required string DialogId { get; init; }

    /// <summary>The text (BB-code as sent).</summary>
    public string Text { get; init; } = "";

    /// <summary>The keyboard's buttons, row breaks left out.</summary>
    public IReadOnlyList<SentButton> Buttons { get; init; } = [];

    /// <summary>The attach as sent, if any.</summary>
    public JsonNode? Attach { get; init; }

    /// <summary>True for a Command.answer rather than a Chat.Message.send.</summary>
    public bool IsCommandAnswer { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        Buttons.Count == 0 ? $"\"{Text}\"" : $"\"{Text}\" [{string.Join(" | ", Buttons.Select(b => b.Text))}]";
}
