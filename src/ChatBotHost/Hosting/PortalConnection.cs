using ChatBotHost.Bitrix.Client;
using ChatBotHost.Delivery;

namespace ChatBotHost.Hosting;

/// <summary>
/// A portal this host serves: through the configured incoming webhook, or through OAuth as an installed application
/// (spec §1.1–1.2). Its <see cref="Key"/> names it in every state key, lease, limiter and log line. Every client of
/// the host is made here, so every request to the portal takes the <see cref="CallPipeline"/>.
/// </summary>
internal sealed class PortalConnection
{
    public const string HttpClientName = "bitrix";

    private readonly Func<string?, int?, IBitrixCredentials> _credentials;
    private readonly IHttpClientFactory _httpClients;

    /// <summary>The incoming-webhook portal; its key (host:port) is the one state has always used.</summary>
    public PortalConnection(Uri webhookBaseUrl, IHttpClientFactory httpClients, CallPipeline? pipeline = null)
        : this(Configuration.WebhookUrl.PortalKey(webhookBaseUrl), (token, botId) => new WebhookCredentials(webhookBaseUrl, token, botId), httpClients, pipeline)
    {
    }

    /// <summary>An application portal: calls carry the portal's OAuth token, bots have no botToken.</summary>
    public PortalConnection(OAuth.OAuthPortal oauth, IHttpClientFactory httpClients, CallPipeline? pipeline)
        : this(oauth.Key, (_, botId) => new OAuthCredentials(oauth.Tokens, botId), httpClients, pipeline) => OAuth = oauth;

    private PortalConnection(string key, Func<string?, int?, IBitrixCredentials> credentials, IHttpClientFactory httpClients, CallPipeline? pipeline)
    {
        Key = key;
        _credentials = credentials;
        _httpClients = httpClients;

        // Without one from the host (tests, the test kit): no shared bucket, default retries, suspensions of its own.
        Pipeline = pipeline ?? new CallPipeline(
            new PortalRetryPolicy(new Configuration.SendQueueOptions(), TimeProvider.System),
            limiter: null,
            new PortalSuspensions(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PortalSuspensions>.Instance),
            metrics: null,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CallPipeline>.Instance);
    }

    /// <summary>Names the portal in state keys and logs: host:port for the webhook portal, oauth.{member_id} for an application portal.</summary>
    public string Key { get; }

    /// <summary>The application installation, or null for the webhook portal.</summary>
    public OAuth.OAuthPortal? OAuth { get; }

    /// <summary>The path every request to this portal takes.</summary>
    public CallPipeline Pipeline { get; }

    /// <summary>
    /// A client authorized as the bot (its token with webhook auth; the application's token with OAuth) and its id once
    /// registered, for direct calls: transient failures are retried in-line by the one retry policy.
    /// </summary>
    public IBitrixClient CreateClient(string? botToken, int? botId) => CreateClient(botToken, botId, CallPath.Direct);

    /// <summary>As <see cref="CreateClient(string?, int?)"/>, with the caller's path (one attempt, a prepaid permit...).</summary>
    public IBitrixClient CreateClient(string? botToken, int? botId, CallPath path)
    {
        var route = RouteFor(botToken, botId);
        return new PipelineClient(Pipeline, () => route, path);
    }

    /// <summary>
    /// A client acting as the bot with whatever registration it has when each request starts, so a request repeated after
    /// re-registration carries the new bot id. Throws for a bot not registered yet.
    /// </summary>
    public IBitrixClient CreateClient(HostedBot bot, CallPath path)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return new PipelineClient(Pipeline, () => RouteFor(bot.BotToken, bot.Registration?.BotId ?? throw NotRegistered(bot)), path);
    }

    private CallRoute RouteFor(string? botToken, int? botId)
    {
        var credentials = _credentials(botToken, botId);

        // The transport leaves the token refresh to the pipeline, where the repeated request takes its own bucket slot.
        return new CallRoute(Key, credentials, new BitrixClient(_httpClients.CreateClient(HttpClientName), credentials, refreshesToken: false));
    }

    private static InvalidOperationException NotRegistered(HostedBot bot) => new($"Bot '{bot.Code}' is not registered yet.");
}
