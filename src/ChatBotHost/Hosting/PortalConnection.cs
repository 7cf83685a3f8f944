using ChatBotHost.Bitrix.Client;
using ChatBotHost.Delivery;

namespace ChatBotHost.Hosting;

/// <summary>
/// A portal this host serves: through the configured incoming webhook, or through OAuth as an installed application
/// (spec §1.1–1.2). Its <see cref="Key"/> names it in every state key, lease, limiter and log line.
/// </summary>
internal sealed class PortalConnection
{
    public const string HttpClientName = "bitrix";

    private readonly Func<string?, int?, IBitrixCredentials> _credentials;
    private readonly IHttpClientFactory _httpClients;
    private readonly PortalRateLimiter? _limiter;

    /// <summary>The incoming-webhook portal; its key (host:port) is the one state has always used.</summary>
    public PortalConnection(Uri webhookBaseUrl, IHttpClientFactory httpClients, PortalRateLimiter? limiter = null)
        : this(Configuration.WebhookUrl.PortalKey(webhookBaseUrl), (token, botId) => new WebhookCredentials(webhookBaseUrl, token, botId), httpClients, limiter)
    {
    }

    /// <summary>An application portal: calls carry the portal's OAuth token, bots have no botToken.</summary>
    public PortalConnection(OAuth.OAuthPortal oauth, IHttpClientFactory httpClients, PortalRateLimiter? limiter)
        : this(oauth.Key, (_, botId) => new OAuthCredentials(oauth.Tokens, botId), httpClients, limiter) => OAuth = oauth;

    private PortalConnection(string key, Func<string?, int?, IBitrixCredentials> credentials, IHttpClientFactory httpClients, PortalRateLimiter? limiter)
    {
        Key = key;
        _credentials = credentials;
        _httpClients = httpClients;
        _limiter = limiter;
    }

    /// <summary>Names the portal in state keys and logs: host:port for the webhook portal, oauth.{member_id} for an application portal.</summary>
    public string Key { get; }

    /// <summary>The application installation, or null for the webhook portal.</summary>
    public OAuth.OAuthPortal? OAuth { get; }

    /// <summary>
    /// A client authorized as the bot (its token with webhook auth; the application's token with OAuth) and its id once
    /// registered. Every client of the host is made here, so every request to the portal passes its rate limiter.
    /// </summary>
    public IBitrixClient CreateClient(string? botToken, int? botId)
    {
        var client = new BitrixClient(_httpClients.CreateClient(HttpClientName), _credentials(botToken, botId));
        return _limiter is null ? client : new RateLimitedClient(client, _limiter, Key);
    }
}
