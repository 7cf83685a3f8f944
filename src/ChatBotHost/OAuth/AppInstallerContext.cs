using ChatBotHost.Configuration;
using ChatBotHost.Registration;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.OAuth;

/// <summary>The plumbing the installer needs besides the stores.</summary>
internal sealed class AppInstallerContext(
    IOptions<ChatBotHostOptions> options,
    InstallVerifier verifier,
    InstallAttempts attempts,
    WebhookAddress address,
    PortalSyncSignal signal,
    IPortalRevocations revocations,
    TimeProvider time,
    ILogger<AppInstaller> logger)
{
    public IOptions<ChatBotHostOptions> Options => options;

    public InstallVerifier Verifier => verifier;

    public InstallAttempts Attempts => attempts;

    public WebhookAddress Address => address;

    public PortalSyncSignal Signal => signal;

    public IPortalRevocations Revocations => revocations;

    public TimeProvider Time => time;

    public ILogger Logger => logger;
}
