namespace ChatBotHost.Bitrix.Requests.Bots;

/// <summary>The <c>fields</c> of Bot.register (spec §4.1).</summary>
public sealed record BotFields
{
    /// <summary>Unique within the application; registration is idempotent on it.</summary>
    public required string Code { get; init; }

    /// <summary>The bot's profile; its name is required.</summary>
    public required BotProperties Properties { get; init; }

    /// <summary>Webhook-auth token (≤ 40 chars); webhook credentials fill it in when left null.</summary>
    public string? BotToken { get; init; }

    /// <summary>bot (default), supervisor, personal or openline.</summary>
    public string? Type { get; init; }

    /// <summary>fetch (default) or webhook.</summary>
    public string? EventMode { get; init; }

    /// <summary>Public HTTPS URL for events; required when <see cref="EventMode"/> is webhook.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>Hide the bot from the contact list (default false).</summary>
    public bool? IsHidden { get; init; }

    /// <summary>Allow reactions to the bot's messages (default true).</summary>
    public bool? IsReactionsEnabled { get; init; }

    /// <summary>Also serve Open Channels (default false).</summary>
    public bool? IsSupportOpenline { get; init; }

    /// <summary>Chat background such as azure or sky; invalid values become null.</summary>
    public string? BackgroundId { get; init; }
}
