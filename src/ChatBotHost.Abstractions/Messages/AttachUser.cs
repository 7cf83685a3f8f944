namespace ChatBotHost.Abstractions.Messages;

/// <summary>The value of an attach USER block: a person's (or chat's, or bot's) card with name and avatar.</summary>
public sealed record AttachUser
{
    /// <summary>The name shown on the card.</summary>
    public required string Name { get; init; }

    /// <summary>The avatar image: an http(s) URL or a portal-relative "/path".</summary>
    public string? Avatar { get; init; }

    /// <summary>Where a click goes; prefer <see cref="UserId"/>, <see cref="ChatId"/> or <see cref="BotId"/> inside the messenger.</summary>
    public string? Link { get; init; }

    /// <summary>Opens this portal user.</summary>
    public int? UserId { get; init; }

    /// <summary>Opens this chat.</summary>
    public int? ChatId { get; init; }

    /// <summary>Opens this bot.</summary>
    public int? BotId { get; init; }

    /// <summary>Links to this Bitrix24 Network user.</summary>
    public string? NetworkId { get; init; }

    /// <summary>How the avatar is drawn.</summary>
    public AvatarType? AvatarType { get; init; }
}
