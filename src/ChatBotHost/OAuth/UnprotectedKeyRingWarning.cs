using ChatBotHost.Configuration;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.OAuth;

/// <summary>
/// Says at start that the key ring encrypting the OAuth tokens is stored unencrypted next to them (application mode
/// with Redis and no ChatBotHost:DataProtection:CertificatePath): whoever reads the Redis data can read the tokens.
/// </summary>
internal sealed partial class UnprotectedKeyRingWarning(StateStoreInfo state, IOptions<ChatBotHostOptions> options, ILogger<UnprotectedKeyRingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (state.IsDurable && options.Value.OAuth.IsConfigured)
        {
            LogUnprotected(logger, KeyRingProtection.CertificatePathSetting);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Data Protection key ring that encrypts the OAuth tokens is stored in Redis UNPROTECTED, next to the tokens; set {Setting} (and its password) to a certificate that protects it")]
    private static partial void LogUnprotected(ILogger logger, string setting);
}
