using System.Text.Json;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.Operations.Metrics;
using ChatBotHost.Operations.Tracing;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Intake.Fetch;

/// <summary>
/// Polls imbot.v2.Event.get for one bot and stores what it returns in the dialogs' inboxes. Event.get(offset=N)
/// confirms every event below N, so the offset is advanced only after the page's events are stored: a crash re-reads
/// what was not stored, and the inbox's workers run what was. Only the replica holding the bot's poller lease polls.
/// Each poll goes through the outbox: it rides in the bot's next batch of replies, where it costs the portal's bucket
/// nothing, and goes as a request of its own only when no batch went for the idle (or busy) delay.
/// </summary>
internal sealed partial class FetchReceiver(
    InboxWriter inbox,
    InboxDeadLetters deadLetters,
    IOffsetStore offsets,
    ISendQueue outbox,
    IOptions<ChatBotHostOptions> options,
    TimeProvider time,
    HostMetrics metrics,
    ILogger<FetchReceiver> logger)
{
    /// <summary>Polls until stopped, storing each event in its dialog's inbox.</summary>
    public async Task RunAsync(HostedBot bot, CancellationToken cancellationToken)
    {
        var fetch = options.Value.Fetch;
        var failures = 0;
        // The first poll, and the first after a failure's backoff, go at once. After a page, the next poll is queued at
        // once too: a batch of replies that goes meanwhile takes it along for free, and only when none goes does it
        // cost a request of its own, after the busy delay (more is waiting) or the idle delay (caught up). So an idle
        // bot spends one request per idle delay, and a busy one polls with every batch it sends anyway.
        var goAloneAfter = TimeSpan.Zero;
        var subscribed = !bot.Settings.WithUserEvents;
        LogStarted(logger, bot.Code, fetch.IdleDelay, fetch.BusyDelay);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!subscribed)
                {
                    // Before the first poll that asks for them: without a subscription Event.get refuses user events.
                    await outbox.SendAsync(bot, new ImV2EventSubscribeRequest(), idempotencyKey: null, cancellationToken);
                    subscribed = true;
                }

                var hasMore = await PollOnceAsync(bot, time.GetUtcNow() + goAloneAfter, cancellationToken);
                failures = 0;
                goAloneAfter = hasMore ? fetch.BusyDelay : fetch.IdleDelay;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failures++;
                var delay = Backoff.After(failures, ex, fetch.MaxBackoff, time);
                LogPollFailed(logger, ex, bot.Code, failures, delay);
                await Task.Delay(delay, time, cancellationToken);
                goAloneAfter = TimeSpan.Zero;
            }
        }
    }

    /// <summary>
    /// One Event.get, sent with the bot's next batch or alone at <paramref name="goAloneAt"/>, and the storing of what
    /// it returned; true when the portal holds more.
    /// </summary>
    public async Task<bool> PollOnceAsync(HostedBot bot, DateTimeOffset goAloneAt, CancellationToken cancellationToken)
    {
        // The page's span: the Event.get request is traced under it, and the events it stores carry it to their turns.
        using var span = HostTracing.StartIntake(InboxItem.Sources.Fetch, bot);
        var portal = bot.Portal.Key;
        var offset = await offsets.GetAsync(portal, bot.Code, cancellationToken);
        var page = await outbox.PollAsync(
            bot,
            new EventGetRequest { Offset = offset, Limit = options.Value.Fetch.BatchSize, WithUserEvents = bot.Settings.WithUserEvents ? true : null },
            goAloneAt,
            cancellationToken);

        var items = new List<InboxItem>(page.Events.Count);
        var newest = (DateTimeOffset?)null;
        foreach (var wire in page.Events)
        {
            if (await ReadAsync(bot, wire, offset) is ({ } item, var date))
            {
                items.Add(item);
                newest = date > newest || newest is null ? date : newest;
            }
        }

        // The page in one store call, then the offset: either all of it is stored and confirmed, or it is read again.
        // Not cancelled half-way: what is stored should also be confirmed, and both take one round trip each. With
        // replicas required, the store call ends with one WAIT for the whole page; too few replicas throw here, the
        // offset stays, and the next poll reads the page again (the dialogs' duplicate check drops what was stored).
        await inbox.EnqueueAsync(items, CancellationToken.None);
        await offsets.AdvanceAsync(portal, bot.Code, page.NextOffset, CancellationToken.None);
        // Fetch lag: how old the newest event was when we read it; an empty page means the bot is caught up.
        metrics.FetchLag(portal, bot.Code, newest is { } read ? time.GetUtcNow() - read : TimeSpan.Zero);
        return page.HasMore;
    }

    private async Task<(InboxItem? Item, DateTimeOffset? Date)> ReadAsync(HostedBot bot, JsonElement wire, long? offset)
    {
        BotEvent evt;
        try
        {
            evt = FetchEventDecoder.Decode(wire);
            if (evt.EventId is null)
            {
                throw new EventDecodingException("The event has no eventId.");
            }
        }
        catch (EventDecodingException ex)
        {
            // An event nobody can read would block its dialog forever: it goes to the dead letters (nextOffset passes it),
            // where an operator sees why.
            var unread = Item(bot, wire, InboxItem.NoDialog, $"undecodable:{EventIdText(wire)}");
            await deadLetters.AddAsync(unread, $"The event cannot be decoded: {ex.Message}", CancellationToken.None);
            return (null, null);
        }

        // An event below the offset was confirmed before (a page read again after a crash); it is in the inbox already.
        if (evt.EventId < offset)
        {
            return (null, null);
        }

        metrics.EventReceived(bot.Portal.Key, bot.Code, evt.Type, "fetch");
        return (Item(bot, wire, evt.DialogId ?? InboxItem.NoDialog, evt.DeduplicationKey), evt.Date);
    }

    private InboxItem Item(HostedBot bot, JsonElement wire, string dialogId, string deduplicationKey) => new()
    {
        Portal = bot.Portal.Key,
        BotCode = bot.Code,
        DialogId = dialogId,
        DeduplicationKey = deduplicationKey,
        Source = InboxItem.Sources.Fetch,
        Payload = wire.GetRawText(),
        ReceivedAt = time.GetUtcNow(),
    };

    private static string EventIdText(JsonElement wire) =>
        wire.ValueKind == JsonValueKind.Object && wire.TryGetProperty("eventId", out var id) ? id.ToString() : "without-id";

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling events for bot {Bot} with its batches of replies, alone after {IdleDelay} idle or {BusyDelay} busy")]
    private static partial void LogStarted(ILogger logger, string bot, TimeSpan idleDelay, TimeSpan busyDelay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event.get for bot {Bot} failed ({Failures} in a row); next try in {Delay}")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string bot, int failures, TimeSpan delay);

}
