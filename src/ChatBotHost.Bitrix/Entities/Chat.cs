namespace ChatBotHost.Bitrix.Entities;

/// <summary>A chat as it appears in events and responses (spec §5.5); every field is optional on the wire.</summary>
public sealed record Chat
{
    /// <summary>Numeric chat id.</summary>
    public int Id { get; init; }

    /// <summary>Where to reply: "chat{id}" for group chats, the other party's user id for a private chat.</summary>
    public string? DialogId { get; init; }

    /// <summary>chat, open, channel, private, …</summary>
    public string? Type { get; init; }

    /// <summary>Chat title.</summary>
    public string? Name { get; init; }

    /// <summary>LINES for Open Channel chats.</summary>
    public string? EntityType { get; init; }

    /// <summary>The owner's user id.</summary>
    public int Owner { get; init; }

    /// <summary>Avatar URL or empty.</summary>
    public string? Avatar { get; init; }

    /// <summary>Hex colour.</summary>
    public string? Color { get; init; }

    /// <summary>Chat description.</summary>
    public string? Description { get; init; }

    /// <summary>Whether users can type (Bitrix24 sends "Y"/"N").</summary>
    public bool? TextFieldEnabled { get; init; }
}
