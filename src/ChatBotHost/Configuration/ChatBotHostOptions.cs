namespace ChatBotHost.Configuration;

/// <summary>The "ChatBotHost" configuration section; every key is documented in README (a public contract).</summary>
public sealed class ChatBotHostOptions
{
    public const string SectionName = "ChatBotHost";

    /// <summary>How the host reaches the portal.</summary>
    public PortalOptions Portal { get; set; } = new();

    /// <summary>Application (OAuth) mode: marketplace and local applications serving the portals they are installed on.</summary>
    public OAuthOptions OAuth { get; set; } = new();

    /// <summary>How the OAuth tokens are encrypted at rest.</summary>
    public DataProtectionOptions DataProtection { get; set; } = new();

    /// <summary>
    /// Whether the host may run against its built-in emulator when no portal is configured: unset means only in the
    /// Development environment (dotnet run); true allows it anywhere; false never.
    /// </summary>
    public bool? LocalMode { get; set; }

    /// <summary>Where state lives.</summary>
    public RedisOptions Redis { get; set; } = new();

    /// <summary>Base URL at which Bitrix24 reaches this host; webhook-mode bots need it.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The folder of the bots' C# sources (and prebuilt .dll files), compiled at start-up and reloaded as they change;
    /// unset means the nearest folder named bots at or above the content root (/app/bots in the image).
    /// </summary>
    public string? BotsPath { get; set; }

    /// <summary>Per-bot settings by bot code.</summary>
    public Dictionary<string, BotSettings> Bots { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The HTTP API for other systems (proactive messages); off without a key.</summary>
    public ApiOptions Api { get; set; } = new();

    /// <summary>Fetch-mode polling.</summary>
    public FetchOptions Fetch { get; set; } = new();

    /// <summary>Timers: dialog timeouts, scheduled messages and callbacks.</summary>
    public TimerOptions Timers { get; set; } = new();

    /// <summary>The durable inbox and its workers.</summary>
    public InboxOptions Inbox { get; set; } = new();

    /// <summary>How long a stopping host waits for running turns before it cancels them.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The portal's request rate, shared by every replica.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Sending replies: batching, retries.</summary>
    // Bound from the section operators have always set (ChatBotHost:Outbox), though the type is an in-memory send queue.
    [ConfigurationKeyName("Outbox")]
    public SendQueueOptions SendQueue { get; set; } = new();

    /// <summary>Giving memory back when the host goes quiet.</summary>
    public MemoryOptions Memory { get; set; } = new();

    /// <summary>The settings of one bot, or defaults when the bot has no section.</summary>
    public BotSettings For(string botCode) => Bots.TryGetValue(botCode, out var settings) ? settings : new BotSettings();
}
