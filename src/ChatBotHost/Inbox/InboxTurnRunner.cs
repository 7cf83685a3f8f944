using ChatBotHost.Bitrix.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Pipeline;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Inbox;

/// <summary>
/// Runs one claimed event through the pipeline and settles the claim: acknowledged when the turn ended (handled,
/// unhandled, duplicate), kept first in its dialog and retried with backoff when it failed, dead-lettered after the
/// last attempt so the dialog moves on. A cancelled turn leaves the claim to run out: the event runs again later,
/// and the pipeline's duplicate check keeps a turn that had completed from running twice.
/// </summary>
internal sealed partial class InboxTurnRunner(
    IInboxStore store,
    BotDirectory bots,
    TurnPipeline pipeline,
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
    public async Task RunAsync(InboxClaim claim, CancellationToken abort)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var item = claim.Item;
        var bot = bots.Find(item.Portal, item.BotCode);
        if (bot is null || !bot.Settings.Enabled)
        {
            await SettleUnservedAsync(claim);
            return;
        }

        if (!bot.Ready.IsCompleted)
        {
            await store.DeferAsync(claim, item, time.GetUtcNow() + NotReadyDelay, CancellationToken.None);
            return;
        }

        BotEvent evt;
        try
        {
            evt = InboxEventReader.Read(item, bot);
        }
        catch (EventDecodingException ex)
        {
            await GiveUpAsync(claim, item, $"The event cannot be decoded: {ex.Message}");
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

        if (result.Outcome != TurnOutcome.Failed)
        {
            await store.AckAsync(claim, CancellationToken.None);
            return;
        }

        await RetryOrGiveUpAsync(claim, result.Failure);
    }

    private async Task<TurnResult?> RunTurnAsync(InboxClaim claim, HostedBot bot, BotEvent evt, CancellationToken abort)
    {
        await using var renewal = new ClaimRenewal(store, claim, options.Value.Inbox.ClaimLease, time, logger);
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(abort, renewal.Lost);
        try
        {
            return await pipeline.RunAsync(bot, evt, turn.Token, heldByInboxClaim: true);
        }
        catch (OperationCanceledException) when (turn.IsCancellationRequested)
        {
            LogAbandoned(logger, claim.Item.BotCode, claim.Item.LogName, claim.Item.DialogId);
            return null;
        }
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
        await store.DeferAsync(claim, item, time.GetUtcNow() + delay, CancellationToken.None);
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
        await store.DeferAsync(claim, item, time.GetUtcNow() + options.Value.Inbox.ClaimLease, CancellationToken.None);
    }

    private async Task GiveUpAsync(InboxClaim claim, InboxItem item, string reason)
    {
        await deadLetters.AddAsync(item, reason, CancellationToken.None);
        await store.AckAsync(claim, CancellationToken.None);
    }

    // Exponential with jitter, so the retries of many failing dialogs do not hit the portal together.
    private static TimeSpan RetryDelay(int attempts)
    {
        var exponential = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(attempts - 1, 20)));
        return exponential * (0.5 + (Random.Shared.NextDouble() * 0.5));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: event {DeduplicationKey} in dialog {DialogId} failed (attempt {Attempts}); it is tried again in {Delay}")]
    private static partial void LogWillRetry(ILogger logger, string bot, string deduplicationKey, string dialogId, int attempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: the turn for event {DeduplicationKey} in dialog {DialogId} was cancelled; it runs again when its claim runs out")]
    private static partial void LogAbandoned(ILogger logger, string bot, string deduplicationKey, string dialogId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot {Bot} of portal {Portal} is not served here; its event is left for another replica")]
    private static partial void LogNotServed(ILogger logger, string bot, string portal);
}
