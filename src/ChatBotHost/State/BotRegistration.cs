namespace ChatBotHost.State;

/// <summary>What the host knows about a bot it registered on a portal.</summary>
public sealed record BotRegistration
{
    /// <summary>The bot's id on the portal.</summary>
    public required int BotId { get; init; }

    /// <summary>The unguessable secret in the bot's webhookUrl (webhook mode); generated once and kept.</summary>
    public required string WebhookSecret { get; init; }

    /// <summary>The application_token learned from the first authenticated webhook delivery (trust on first use), if any.</summary>
    public string? ApplicationToken { get; init; }

    /// <summary>Registered command ids by command name (without slash).</summary>
    public IReadOnlyDictionary<string, int> CommandIds { get; init; } = new Dictionary<string, int>();
}
