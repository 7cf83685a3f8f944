namespace ChatBotHost.Bitrix.Requests.Chats;

/// <summary>The <c>fields</c> of Chat.add; all optional.</summary>
public sealed record ChatAddFields
{
    /// <summary>Chat title.</summary>
    public string? Title { get; init; }

    /// <summary>Chat description.</summary>
    public string? Description { get; init; }

    /// <summary>Colour code such as mint (spec §4.2); automatic when omitted.</summary>
    public string? Color { get; init; }

    /// <summary>Raw Base64 image.</summary>
    public string? Avatar { get; init; }

    /// <summary>Initial members.</summary>
    public IReadOnlyList<int>? UserIds { get; init; }

    /// <summary>Owner; the bot when omitted.</summary>
    public int? OwnerId { get; init; }

    /// <summary>The chat's first message.</summary>
    public string? Message { get; init; }
}
