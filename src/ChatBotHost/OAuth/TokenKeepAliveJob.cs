using ChatBotHost.Configuration;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatBotHost.OAuth;

/// <summary>
/// Keeps idle portals' refresh tokens (180 days) alive: refreshes only portals whose pair is older than
/// ChatBotHost:OAuth:KeepAliveAfter (150 days by default). Busy portals refresh lazily on expired_token and never
/// get here; nothing is refreshed hourly or for every portal (spec §1.2: that may get the application blocked).
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class TokenKeepAliveJob(OAuthPortalRunner runner, IOptions<ChatBotHostOptions> options, ILogger<TokenKeepAliveJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var portal in runner.Served)
        {
            try
            {
                if (await portal.Tokens.RefreshIfOlderThanAsync(options.Value.OAuth.KeepAliveAfter, cancellationToken))
                {
                    LogKeptAlive(logger, portal.Key);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogFailed(logger, ex, portal.Key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {Portal}: idle tokens refreshed to keep the refresh token alive")]
    private static partial void LogKeptAlive(ILogger logger, string portal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal}: the keep-alive refresh failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string portal);
}
