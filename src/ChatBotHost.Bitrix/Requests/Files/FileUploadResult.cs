using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Requests.Files;

/// <summary>The stored file and the message that carries it.</summary>
public sealed record FileUploadResult
{
    /// <summary>The stored file.</summary>
    public ChatFile? File { get; init; }

    /// <summary>The message posted with it.</summary>
    public int MessageId { get; init; }

    /// <summary>The chat.</summary>
    public int ChatId { get; init; }

    /// <summary>The chat's dialogId.</summary>
    public string? DialogId { get; init; }
}
