using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>A window of messages, oldest first; page by calling again with the first or last id.</summary>
public sealed record ChatMessageGetContextResult
{
    /// <summary>Oldest to newest.</summary>
    public IReadOnlyList<Message> Messages { get; init; } = [];

    /// <summary>The authors.</summary>
    public IReadOnlyList<User> Users { get; init; } = [];

    /// <summary>Older messages exist.</summary>
    public bool HasPrevPage { get; init; }

    /// <summary>Newer messages exist.</summary>
    public bool HasNextPage { get; init; }
}
