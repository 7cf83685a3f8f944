namespace ChatBotHost.Bitrix.Requests.Chats;

/// <summary>The <c>fields</c> of Chat.update; only what is set changes.</summary>
public sealed record ChatUpdateFields
{
    /// <summary>Chat title.</summary>
    public string? Title { get; init; }

    /// <summary>Chat description.</summary>
    public string? Description { get; init; }

    /// <summary>Colour code such as mint (spec §4.2).</summary>
    public string? Color { get; init; }

    /// <summary>Raw Base64 image.</summary>
    public string? Avatar { get; init; }
}
