namespace ChatBotHost.Abstractions.Prompts;

/// <summary>What a user gave a waiting prompt: typed text, or the value behind a button they pressed.</summary>
public sealed record PromptInput
{
    /// <summary>The text of a message, or null when a button was pressed.</summary>
    public string? Text { get; init; }

    /// <summary>The value of the pressed button (its position in the choices), or null for typed text.</summary>
    public string? PressedValue { get; init; }

    /// <summary>True when nothing usable came in (an empty message, or time ran out).</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && PressedValue is null;
}
