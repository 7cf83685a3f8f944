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

    /// <summary>A fingerprint of the profile, eventMode and webhookUrl last sent to the portal; a change triggers Bot.update.</summary>
    public string? ProfileFingerprint { get; init; }

    /// <summary>Fingerprints of the command declarations last sent, by command name; a change triggers Command.update.</summary>
    public IReadOnlyDictionary<string, string> CommandFingerprints { get; init; } = new Dictionary<string, string>();
}
