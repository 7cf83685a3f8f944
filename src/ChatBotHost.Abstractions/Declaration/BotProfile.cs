namespace ChatBotHost.Abstractions.Declaration;

/// <summary>How the bot is registered on the portal (imbot.v2.Bot.register fields).</summary>
public sealed record BotProfile
{
    /// <summary>Unique within the application; also the key of the bot's configuration section.</summary>
    public required string Code { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>Display last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Shown under the name.</summary>
    public string? WorkPosition { get; init; }

    /// <summary>A colour code such as mint or azure (spec §4.2); null lets Bitrix24 choose.</summary>
    public string? Color { get; init; }

    /// <summary>M or F.</summary>
    public string? Gender { get; init; }

    /// <summary>Raw Base64 image, no data: prefix.</summary>
    public string? Avatar { get; init; }

    /// <summary>Which group-chat messages the bot receives.</summary>
    public BotType Type { get; init; } = BotType.Bot;

    /// <summary>Hidden from the contact list.</summary>
    public bool IsHidden { get; init; }

    /// <summary>Users may react to the bot's messages.</summary>
    public bool IsReactionsEnabled { get; init; } = true;

    /// <summary>The bot also serves Open Channels.</summary>
    public bool IsSupportOpenline { get; init; }

    /// <summary>Chat background id, e.g. sky; null for the default.</summary>
    public string? BackgroundId { get; init; }
}
