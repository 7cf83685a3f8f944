using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Requests.Messages;

/// <summary>A message and its author.</summary>
public sealed record ChatMessageGetResult
{
    /// <summary>The message.</summary>
    public required Message Message { get; init; }

    /// <summary>Its author; absent for system messages.</summary>
    public User? User { get; init; }
}
