namespace ChatBotHost.Configuration;

/// <summary>ChatBotHost:Portal.</summary>
public sealed class PortalOptions
{
    /// <summary>Incoming-webhook base URL https://{portal}/rest/{userId}/{code}/; empty runs the built-in emulator.</summary>
    public string? WebhookUrl { get; set; }
}
