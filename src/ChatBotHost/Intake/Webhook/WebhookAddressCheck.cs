namespace ChatBotHost.Intake.Webhook;

/// <summary>What the URL of a webhook delivery proves, before its body is read.</summary>
internal enum WebhookAddressCheck
{
    /// <summary>No webhook-mode bot with that code and secret: unknown code, wrong secret, fetch-mode or disabled bot.</summary>
    Unknown,

    /// <summary>The secret is the bot's, but this replica has not registered the bot yet.</summary>
    NotReady,

    /// <summary>The bot is served here and the secret is its own.</summary>
    Accepted,
}
