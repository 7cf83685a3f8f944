using ChatBotHost.Configuration;
using ChatBotHost.Intake;
using ChatBotHost.Intake.Fetch;
using ChatBotHost.Registration;

namespace ChatBotHost.Hosting;

/// <summary>
/// Brings one bot up: registers it, retrying while the portal is unreachable, then, in fetch mode, polls it whenever
/// this replica holds its poller lease; until cancelled.
/// </summary>
internal sealed partial class BotLifecycle(BotReconciler reconciler, FetchPollerElection fetch, TimeProvider time, ILogger<BotLifecycle> logger)
{
    private static readonly TimeSpan MaxRegistrationBackoff = TimeSpan.FromMinutes(5);

    public async Task RunAsync(HostedBot bot, CancellationToken stoppingToken)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, bot.Retired);
        var cancellationToken = running.Token;
        if (!await RegisterAsync(bot, cancellationToken))
        {
            return;
        }

        if (bot.Settings.EventMode == EventMode.Fetch)
        {
            await fetch.RunAsync(bot, cancellationToken);
        }
    }

    private async Task<bool> RegisterAsync(HostedBot bot, CancellationToken cancellationToken)
    {
        for (var failures = 1; !cancellationToken.IsCancellationRequested; failures++)
        {
            try
            {
                await reconciler.ReconcileAsync(bot, cancellationToken);
                return true;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                var delay = Backoff.After(failures, ex, MaxRegistrationBackoff, time);
                LogRegistrationFailed(logger, ex, bot.ToString(), delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering bot {Bot} failed; trying again in {Delay}")]
    private static partial void LogRegistrationFailed(ILogger logger, Exception exception, string bot, TimeSpan delay);
}
