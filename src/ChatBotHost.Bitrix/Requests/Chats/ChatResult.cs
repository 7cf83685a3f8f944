using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Requests.Chats;

/// <summary>What Chat.add and Chat.get return: <c>{"chat": Chat, "users": [User]}</c> (Chat.get has no users).</summary>
public sealed record ChatResult
{
    /// <summary>The chat with all its fields.</summary>
    public required Chat Chat { get; init; }

    /// <summary>Its members (Chat.add only).</summary>
    public IReadOnlyList<User> Users { get; init; } = [];
}
