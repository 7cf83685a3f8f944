namespace ChatBotHost.Configuration;

/// <summary>The "ChatBotHost:OAuth" section: the application's credentials for marketplace and local applications.</summary>
public sealed class OAuthOptions
{
    /// <summary>The application's client_id; setting it turns application (OAuth) mode on.</summary>
    public string? ClientId { get; set; }

    /// <summary>The application's client_secret; sent only to the OAuth server, never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The OAuth server (tests point it at the emulator).</summary>
    public string ServerUrl { get; set; } = "https://oauth.bitrix.info/";

    /// <summary>How often each replica re-reads the installed portals (installs arrive at one replica).</summary>
    public TimeSpan PortalSyncInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a replica waits for another replica's refresh before it gives up on a call.</summary>
    public TimeSpan RefreshWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The keep-alive job refreshes a portal whose tokens are older than this (refresh tokens live 180 days).</summary>
    public TimeSpan KeepAliveAfter { get; set; } = TimeSpan.FromDays(150);

    /// <summary>How often the keep-alive job looks (it refreshes only the portals past KeepAliveAfter).</summary>
    public TimeSpan KeepAliveCheckInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>True when a client_id is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);
}
