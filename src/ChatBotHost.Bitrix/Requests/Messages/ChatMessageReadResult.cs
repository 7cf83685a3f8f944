namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>What Chat.Message.read marked.</summary>
public sealed record ChatMessageReadResult
{
    /// <summary>The chat.</summary>
    public int ChatId { get; init; }

    /// <summary>The last message now read.</summary>
    public int LastId { get; init; }

    /// <summary>Unread messages left.</summary>
    public int Counter { get; init; }

    /// <summary>The messages this call marked.</summary>
    public IReadOnlyList<int> ViewedMessages { get; init; } = [];
}
