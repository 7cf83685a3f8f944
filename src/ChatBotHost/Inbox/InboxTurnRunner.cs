using ChatBotHost.Bitrix.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Operations.Tracing;
using ChatBotHost.Pipeline;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Inbox;

/// <summary>
/// Runs one claimed event through the pipeline and settles the claim: acknowledged when the turn ended (handled,
/// unhandled, duplicate), kept first in its dialog and retried with backoff when it failed — whatever failed, the
/// decoder or the turn, with whatever exception — and dead-lettered after the last attempt so the dialog moves on.
/// </summary>
/// <remarks>
/// Attempts that never reached this code count too: the store counts a claim that ran out unsettled (the replica
/// died on the event, e.g. a stack overflow no catch can stop) when it hands the event out again, and an event that
/// used up its attempts that way is dead-lettered here without being run again, so one poison event cannot take down
/// every replica in turn. A turn cancelled because the host is stopping (or because its claim was lost) is not the
/// event's fault: its claim is released uncounted, or a host restarted often would use up the attempts of healthy
/// events that happened to be running. The released dialog still waits for the claim's lease to end, and the
/// pipeline's duplicate check keeps a turn that had completed from running twice.
/// </remarks>
internal sealed partial class InboxTurnRunner(
    IInboxStore store,
    BotDirectory bots,
    TurnPipeline pipeline,
    IQueuedEventDecoder decoder,
    InboxDeadLetters deadLetters,
    IOptions<ChatBotHostOptions> options,
    TimeProvider time,
    ILogger<InboxTurnRunner> logger)
{
    // A bot still registering at start-up is ready within seconds.
    private static readonly TimeSpan NotReadyDelay = TimeSpan.FromSeconds(1);

    // Another host sharing the Redis may serve a bot this one does not; after this nobody did, and the event is given up.
    private static readonly TimeSpan UnservedRetention = TimeSpan.FromDays(1);

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    /// <summary>Runs the claimed event; <paramref name="abort"/> cancels the turn itself (the shutdown timeout).</summary>
    /// <exception cref="TimeoutException">The store did not answer a settling call in time; the claim runs out.</exception>
    public async Task RunAsync(InboxClaim claim, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(claim);
        using var span = HostTracing.StartTurn(claim.Item);
        await RunClaimAsync(claim, abort);
    }

    private async Task RunClaimAsync(InboxClaim claim, CancellationToken abort)
    {
        var item = claim.Item;
        if (item.Attempts >= options.Value.Inbox.MaxAttempts)
        {
            await GiveUpAsync(claim, item, UsedUpReason(claim));
            return;
        }

        var bot = bots.Find(item.Portal, item.BotCode);
        if (bot is null || !bot.Settings.Enabled)
        {
            await SettleUnservedAsync(claim);
            return;
        }

        if (!bot.Ready.IsCompleted)
        {
            await DeferAsync(claim, item, time.GetUtcNow() + NotReadyDelay);
            return;
        }

        BotEvent evt;
        try
        {
            evt = decoder.Decode(item, bot);
        }
        catch (EventDecodingException ex)
        {
            // Decoding is deterministic: the same body fails the same way on every try.
            await GiveUpAsync(claim, item, $"The event cannot be decoded: {ex.Message}");
            return;
        }
        catch (Exception ex)
        {
            // Not a refusal of the input but a fault (a decoder bug, no memory, …): an attempt like a failed turn.
            await RetryOrGiveUpAsync(claim, ex);
            return;
        }

        // A webhook delivery is stored undecoded; from here on its retries and dead letter name it by its key.
        if (item.DeduplicationKey is null)
        {
            claim = claim with { Item = item with { DeduplicationKey = evt.DeduplicationKey } };
        }

        if (await RunTurnAsync(claim, bot, evt, abort) is not { } result)
        {
            return;
        }

        HostTracing.TurnEnded(result.Outcome);

        if (result.Outcome != TurnOutcome.Failed)
        {
            await BoundedStoreCall.RunAsync(ct => store.AckAsync(claim, ct), time, "the acknowledgement");
            return;
        }

        await RetryOrGiveUpAsync(claim, result.Failure);
    }

    private async Task<TurnResult?> RunTurnAsync(InboxClaim claim, HostedBot bot, BotEvent evt, CancellationToken abort)
    {
        await using (var renewal = new ClaimRenewal(store, claim, options.Value.Inbox.ClaimLease, time, logger))
        {
            using var turn = CancellationTokenSource.CreateLinkedTokenSource(abort, renewal.Lost);
            try
            {
                return await pipeline.RunAsync(bot, evt, turn.Token, heldByInboxClaim: true);
            }
            catch (OperationCanceledException) when (turn.IsCancellationRequested)
            {
                LogAbandoned(logger, claim.Item.BotCode, claim.Item.LogName, claim.Item.DialogId);
            }
            catch (Exception ex)
            {
                // The pipeline's error stage catches the handlers' exceptions; what escapes it is a fault of the
                // pipeline on this event, and counts as an attempt all the same.
                return new TurnResult(TurnOutcome.Failed, ex);
            }
        }

        // Once the renewal has stopped; a renewal that still lands afterwards finds no owner and changes nothing.
        await BoundedStoreCall.RunAsync(ct => store.ReleaseAsync(claim, ct), time, "the release of a cancelled turn's claim");
        return null;
    }

    private async Task RetryOrGiveUpAsync(InboxClaim claim, Exception? failure)
    {
        var item = claim.Item with { Attempts = claim.Item.Attempts + 1 };
        var reason = failure is null ? "The turn failed." : $"{failure.GetType().Name}: {failure.Message}";
        if (item.Attempts >= options.Value.Inbox.MaxAttempts)
        {
            await GiveUpAsync(claim, item, reason);
            return;
        }

        // The event stays first in its dialog: the dialog's later events wait for it, so their order holds.
        var delay = RetryDelay(item.Attempts);
        LogWillRetry(logger, item.BotCode, item.LogName, item.DialogId, item.Attempts, delay);
        await DeferAsync(claim, item, time.GetUtcNow() + delay);
    }

    private async Task SettleUnservedAsync(InboxClaim claim)
    {
        var item = claim.Item;
        if (time.GetUtcNow() - item.ReceivedAt > UnservedRetention)
        {
            await GiveUpAsync(claim, item, $"No replica served bot '{item.BotCode}' on portal {item.Portal} for {UnservedRetention.TotalHours} hours.");
            return;
        }

        LogNotServed(logger, item.BotCode, item.Portal);
        await DeferAsync(claim, item, time.GetUtcNow() + options.Value.Inbox.ClaimLease);
    }

    private Task<bool> DeferAsync(InboxClaim claim, InboxItem head, DateTimeOffset availableAt) =>
        BoundedStoreCall.RunAsync(ct => store.DeferAsync(claim, head, availableAt, ct), time, "the deferral");

    private async Task GiveUpAsync(InboxClaim claim, InboxItem item, string reason)
    {
        await BoundedStoreCall.RunAsync(ct => deadLetters.AddAsync(item, reason, ct), time, "the dead letter");
        await BoundedStoreCall.RunAsync(ct => store.AckAsync(claim, ct), time, "the acknowledgement of a dead letter");
    }

    private string UsedUpReason(InboxClaim claim) =>
        claim.RanOut > 0
            ? $"Its turn never finished in {claim.Item.Attempts} attempts: the process may have crashed on it ({claim.RanOut} claims ran out without an outcome)."
            : $"It had used up its {claim.Item.Attempts} attempts (Inbox:MaxAttempts is {options.Value.Inbox.MaxAttempts}).";

    // The host's one backoff formula (exponential with jitter), so the retries of many failing dialogs do not hit the portal together.
    private static TimeSpan RetryDelay(int attempts) => Delivery.RetryDelay.After(attempts, FirstRetryDelay, MaxRetryDelay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: event {DeduplicationKey} in dialog {DialogId} failed (attempt {Attempts}); it is tried again in {Delay}")]
    private static partial void LogWillRetry(ILogger logger, string bot, string deduplicationKey, string dialogId, int attempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: the turn for event {DeduplicationKey} in dialog {DialogId} was cancelled; its claim is released uncounted and the event runs again when the claim's lease ends")]
    private static partial void LogAbandoned(ILogger logger, string bot, string deduplicationKey, string dialogId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot {Bot} of portal {Portal} is not served here; its event is left for another replica")]
    private static partial void LogNotServed(ILogger logger, string bot, string portal);
}
