using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Intake.Fetch;

/// <summary>
/// Lets one replica at a time poll a bot: Event.get confirms by offset, and two pollers would fetch and store every
/// page twice. The replica holding the lease "poller/{portal}/{bot}" polls and renews it; the others wait for it and
/// one takes over when the holder stops (the lease is released) or dies (the lease runs out after Fetch:PollerLease).
/// </summary>
internal sealed partial class FetchPollerElection(
    FetchReceiver receiver,
    LeaseLock leases,
    IOptions<ChatBotHostOptions> options,
    TimeProvider time,
    ILogger<FetchPollerElection> logger)
{
    private static readonly TimeSpan MaxLeaseBackoff = TimeSpan.FromSeconds(30);

    /// <summary>The lease name of a bot's poller.</summary>
    public static string LeaseName(HostedBot bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return $"poller/{bot.Portal.Key}/{bot.Code}";
    }

    /// <summary>Waits for the bot's poller lease and polls while holding it, until stopped.</summary>
    public async Task RunAsync(HostedBot bot, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            LeaseHandle lease;
            try
            {
                lease = await leases.AcquireAsync(LeaseName(bot), options.Value.Fetch.PollerLease, cancellationToken);
                failures = 0;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failures++;
                var delay = Backoff.After(failures, ex, MaxLeaseBackoff, time);
                LogLeaseFailed(logger, ex, bot.Code, delay);
                await Task.Delay(delay, time, cancellationToken);
                continue;
            }

            await using (lease)
            {
                await PollWhileHeldAsync(bot, lease, cancellationToken);
            }
        }
    }

    private async Task PollWhileHeldAsync(HostedBot bot, LeaseHandle lease, CancellationToken cancellationToken)
    {
        LogPolling(logger, bot.Code);
        using var polling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        try
        {
            await receiver.RunAsync(bot, polling.Token);
        }
        catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Another replica may poll now; this one waits for the lease again.
            LogLost(logger, bot.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This replica polls bot {Bot} (it holds the poller lease)")]
    private static partial void LogPolling(ILogger logger, string bot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This replica lost the poller lease of bot {Bot}; it stops polling and waits for the lease")]
    private static partial void LogLost(ILogger logger, string bot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking the poller lease of bot {Bot} failed; next try in {Delay}")]
    private static partial void LogLeaseFailed(ILogger logger, Exception exception, string bot, TimeSpan delay);
}
