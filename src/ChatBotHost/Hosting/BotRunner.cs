using ChatBotHost.Configuration;
using ChatBotHost.Intake;
using ChatBotHost.Intake.Fetch;
using ChatBotHost.Registration;

namespace ChatBotHost.Hosting;

/// <summary>
/// Brings each enabled bot up once the server listens (webhook URLs need its address): registers it, retrying while
/// the portal is unreachable, then, in fetch mode, polls it whenever this replica holds its poller lease.
/// </summary>
internal sealed partial class BotRunner(
    BotDirectory bots,
    BotReconciler reconciler,
    FetchPollerElection fetch,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<BotRunner> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRegistrationBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitUntilStartedAsync(stoppingToken);
        await Task.WhenAll(bots.All.Where(b => b.Settings.Enabled).Select(b => RunAsync(b, stoppingToken)));
    }

    private async Task RunAsync(HostedBot bot, CancellationToken cancellationToken)
    {
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
                LogRegistrationFailed(logger, ex, bot.Code, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }

        return false;
    }

    private async Task WaitUntilStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
        await started.Task;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Registering bot {Bot} failed; trying again in {Delay}")]
    private static partial void LogRegistrationFailed(ILogger logger, Exception exception, string bot, TimeSpan delay);
}
