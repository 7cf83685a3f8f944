using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Inbox;

/// <summary>
/// This replica's inbox workers: one loop claims ready dialogs while fewer than ChatBotHost:Inbox:Workers turns run,
/// and runs each claimed dialog's oldest event. Different dialogs run in parallel; a dialog runs one event at a time
/// because the store hands out one claim per dialog. When idle it polls with short growing delays, and wakes at once
/// when this replica enqueues or a turn ends. Stopping ends the claiming as soon as the host begins to stop; running
/// turns are not cancelled by that, only by the shutdown timeout.
/// </summary>
internal sealed partial class InboxWorkers(
    IInboxStore store,
    InboxTurnRunner runner,
    InboxSignal signal,
    BotDirectory bots,
    IOptions<ChatBotHostOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<InboxWorkers> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstIdleDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxIdleDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxFailureDelay = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopClaiming = new();
    private readonly CancellationTokenSource _abortTurns = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];
    private CancellationTokenRegistration _onStopping;
    private Task _claiming = Task.CompletedTask;

    /// <summary>How many turns run now (for tests and, later, metrics).</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _onStopping = lifetime.ApplicationStopping.Register(_stopClaiming.Cancel);
        _claiming = Task.Run(ClaimUntilStoppedAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopClaiming.CancelAsync();
        // The host's token ends at ChatBotHost:ShutdownTimeout: only then are the running turns cancelled.
        await using var onTimeout = cancellationToken.Register(_abortTurns.Cancel);
        try
        {
            await _claiming.WaitAsync(cancellationToken);
            Task[] running;
            lock (_gate)
            {
                running = [.. _running];
            }

            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogShutdownTimedOut(logger, Running);
            await LetCancelledTurnsReleaseAsync();
        }
    }

    // The cancelled turns end at once and release their claims, so the restart does not count them as attempts; a
    // moment for that, bounded, since the host is stopping. Real time: a turn that ignores its cancellation must not
    // hold up a stop behind a clock that is not moving.
    private async Task LetCancelledTurnsReleaseAsync()
    {
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(BoundedStoreCall.Timeout, TimeProvider.System);
        }
        catch (TimeoutException)
        {
            // Those claims run out and are counted as attempts when their events are claimed again.
        }
    }

    public void Dispose()
    {
        _onStopping.Dispose();
        _stopClaiming.Dispose();
        _abortTurns.Dispose();
    }

    private async Task ClaimUntilStoppedAsync()
    {
        var settings = options.Value.Inbox;
        var idleDelay = FirstIdleDelay;
        var failures = 0;
        var stopping = _stopClaiming.Token;
        while (!stopping.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                // Read every round: application portals come and go with installs.
                var claimed = await ClaimOnceAsync(bots.PortalKeys, settings);
                failures = 0;
                if (claimed > 0 && Running < settings.Workers)
                {
                    // More may be ready right away: claim again without waiting.
                    idleDelay = FirstIdleDelay;
                    continue;
                }

                // Idle, or every worker busy (a turn that ends pulses the signal).
                wait = idleDelay;
                idleDelay = TimeSpan.FromTicks(Math.Min(MaxIdleDelay.Ticks, idleDelay.Ticks * 2));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                failures++;
                wait = TimeSpan.FromTicks(Math.Min(MaxFailureDelay.Ticks, FirstIdleDelay.Ticks << Math.Min(failures + 4, 20)));
                LogClaimFailed(logger, ex, failures, wait);
            }

            try
            {
                if (await signal.WaitAsync(wait, time, stopping))
                {
                    idleDelay = FirstIdleDelay;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> ClaimOnceAsync(IReadOnlyList<string> portals, InboxOptions settings)
    {
        var claimed = 0;
        foreach (var portal in portals)
        {
            var free = settings.Workers - Running;
            if (free <= 0 || _stopClaiming.IsCancellationRequested)
            {
                break;
            }

            // Not cancelled by stopping: a claim made in Redis must reach a worker, or its dialog waits out the lease (and
            // the lease counts as an attempt). Only bounded, so a hung connection cannot stop the claiming for good.
            var claims = await BoundedStoreCall.RunAsync(
                ct => store.ClaimAsync(portal, time.GetUtcNow(), settings.ClaimLease, free, ct), time, "a claim");
            claimed += claims.Count;
            foreach (var claim in claims)
            {
                Start(claim);
            }
        }

        return claimed;
    }

    private void Start(InboxClaim claim)
    {
        var turn = Task.Run(() => RunAsync(claim), CancellationToken.None);
        lock (_gate)
        {
            _running.Add(turn);
        }

        _ = turn.ContinueWith(
            t =>
            {
                lock (_gate)
                {
                    _running.Remove(t);
                }

                signal.Pulse();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task RunAsync(InboxClaim claim)
    {
        try
        {
            await runner.RunAsync(claim, _abortTurns.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_abortTurns.IsCancellationRequested)
        {
            // The store could not be told the outcome (Redis down): the claim runs out and the event runs again.
            LogSettleFailed(logger, ex, claim.Item.BotCode, claim.Item.DialogId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming inbox events failed ({Failures} in a row); next try in {Delay}")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception, int failures, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shutdown timeout ended {Running} running turns; their events run again when their claims run out")]
    private static partial void LogShutdownTimedOut(ILogger logger, int running);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot {Bot}: settling the claim on dialog {DialogId} failed; the event runs again when the claim runs out")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string bot, string dialogId);
}
