using ChatBotHost.Bitrix.Client;
using ChatBotHost.Delivery;

namespace ChatBotHost.Hosting;

/// <summary>The portal this host serves through an incoming webhook: its base URL, its key in state, and a client factory.</summary>
internal sealed class PortalConnection(Uri webhookBaseUrl, IHttpClientFactory httpClients, PortalRateLimiter? limiter = null)
{
    public const string HttpClientName = "bitrix";

    /// <summary>The incoming-webhook base URL; it contains a secret code, so it is never logged (log <see cref="Key"/>).</summary>
    public Uri WebhookBaseUrl { get; } = webhookBaseUrl;

    /// <summary>Names the portal in state keys and logs: its host and port.</summary>
    public string Key { get; } = Configuration.WebhookUrl.PortalKey(webhookBaseUrl);

    /// <summary>
    /// A client authorized with the bot's token (and its id, once registered). Every client of the host is made here,
    /// so every request to the portal passes its rate limiter.
    /// </summary>
    public IBitrixClient CreateClient(string? botToken, int? botId)
    {
        var client = new BitrixClient(httpClients.CreateClient(HttpClientName), new WebhookCredentials(WebhookBaseUrl, botToken, botId));
        return limiter is null ? client : new RateLimitedClient(client, limiter, Key);
    }
}
