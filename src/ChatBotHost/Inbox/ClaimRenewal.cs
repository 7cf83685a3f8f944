using ChatBotHost.State;

namespace ChatBotHost.Inbox;

/// <summary>
/// Keeps an inbox claim alive while its turn runs (a <see cref="RenewalLoop"/> over the claim), and cancels
/// <see cref="Lost"/> when the claim is gone (another replica took the dialog after the lease ran out) or could not be
/// renewed in time.
/// </summary>
internal sealed partial class ClaimRenewal : IAsyncDisposable
{
    private readonly RenewalLoop _loop;

    public ClaimRenewal(IInboxStore store, InboxClaim claim, TimeSpan lease, TimeProvider time, ILogger logger)
    {
        var item = claim.Item;
        _loop = new RenewalLoop(
            ct => store.RenewAsync(claim, time.GetUtcNow(), lease, ct),
            claim.ClaimedAt,
            lease,
            time,
            () => LogLost(logger, item.BotCode, item.DialogId),
            ex => LogRenewFailed(logger, ex, item.BotCode, item.DialogId));
    }

    public CancellationToken Lost => _loop.Lost;

    public ValueTask DisposeAsync() => _loop.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot} lost its claim on dialog {DialogId}; the running turn is cancelled and another replica takes the dialog over")]
    private static partial void LogLost(ILogger logger, string bot, string dialogId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the claim of bot {Bot} on dialog {DialogId} failed; retrying until its lease runs out")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string bot, string dialogId);
}
