namespace ChatBotHost.Emulator.Portal.State;

/// <summary>Fixed facts about the emulated portal; the endpoint is filled in once Kestrel knows its port.</summary>
internal sealed class PortalSettings(int adminUserId, string language, TimeProvider timeProvider)
{
    public int AdminUserId { get; } = adminUserId;

    public string Language { get; } = language;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>Stable portal id, as Bitrix24's member_id.</summary>
    public string MemberId { get; } = BotState.NewSecret();

    /// <summary>An installation-wide token that is NOT a bot's synthetic token (data.bot.auth carries it).</summary>
    public string InstallationToken { get; } = BotState.NewSecret();

    /// <summary>The portal's base address (http://127.0.0.1:port/).</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    public string Domain => BaseUrl.Authority;

    public string ClientEndpoint => new Uri(BaseUrl, "rest/").ToString();

    public string ServerEndpoint => new Uri(BaseUrl, "oauth/rest/").ToString();
}
