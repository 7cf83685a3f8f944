using ChatBotHost.Configuration;
using ChatBotHost.Registration;
using Microsoft.Extensions.Options;

namespace ChatBotHost.OAuth;

/// <summary>The plumbing the installer needs besides the stores.</summary>
internal sealed class AppInstallerContext(
    IOptions<ChatBotHostOptions> options,
    OAuthServerClient server,
    IHttpClientFactory httpClients,
    WebhookAddress address,
    PortalSyncSignal signal,
    TimeProvider time,
    ILogger<AppInstaller> logger)
{
    public IOptions<ChatBotHostOptions> Options => options;

    public IHttpClientFactory HttpClients => httpClients;

    public OAuthServerClient Server => server;

    public WebhookAddress Address => address;

    public PortalSyncSignal Signal => signal;

    public TimeProvider Time => time;

    public ILogger Logger => logger;
}
