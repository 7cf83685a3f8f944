using ChatBotHost.State;

namespace ChatBotHost.Inbox;

/// <summary>
/// Keeps an inbox claim alive while its turn runs: renews it every third of the lease, and cancels <see cref="Lost"/>
/// when the claim is gone (another replica took the dialog after the lease ran out) or could not be renewed in time.
/// </summary>
internal sealed partial class ClaimRenewal : IAsyncDisposable
{
    private readonly IInboxStore _store;
    private readonly InboxClaim _claim;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;

    public ClaimRenewal(IInboxStore store, InboxClaim claim, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        _store = store;
        _claim = claim;
        _lease = lease;
        _time = time;
        _logger = logger;
        Lost = _lost.Token;
        _renewal = RenewUntilStoppedAsync();
    }

    public CancellationToken Lost { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewal;
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewUntilStoppedAsync()
    {
        var confirmedAt = _claim.ClaimedAt;
        try
        {
            while (true)
            {
                await Task.Delay(_lease / 3, _time, _stop.Token);
                var attemptAt = _time.GetUtcNow();
                var renewed = await TryRenewAsync(attemptAt);
                if (renewed == true)
                {
                    confirmedAt = attemptAt;
                    continue;
                }

                // Refused, or unanswered for a whole lease: by now another replica may run this dialog.
                if (renewed == false || _time.GetUtcNow() - confirmedAt >= _lease)
                {
                    LogLost(_logger, _claim.Item.BotCode, _claim.Item.DialogId);
                    await _lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The turn is over; nothing more to renew.
        }
    }

    // True: renewed; false: the claim is gone; null: the store failed (retried until the lease would have run out).
    private async Task<bool?> TryRenewAsync(DateTimeOffset now)
    {
        try
        {
            return await _store.RenewAsync(_claim, now, _lease, _stop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            LogRenewFailed(_logger, ex, _claim.Item.BotCode, _claim.Item.DialogId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot} lost its claim on dialog {DialogId}; the running turn is cancelled and another replica takes the dialog over")]
    private static partial void LogLost(ILogger logger, string bot, string dialogId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the claim of bot {Bot} on dialog {DialogId} failed; retrying until its lease runs out")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string bot, string dialogId);
}
