using System.Text.Json;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.Operations.Metrics;
using ChatBotHost.Registration;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Intake.Fetch;

/// <summary>
/// Polls imbot.v2.Event.get for one bot and stores what it returns in the dialogs' inboxes. Event.get(offset=N)
/// confirms every event below N, so the offset is advanced only after the page's events are stored: a crash re-reads
/// what was not stored, and the inbox's workers run what was. Only the replica holding the bot's poller lease polls.
/// </summary>
internal sealed partial class FetchReceiver(
    InboxWriter inbox,
    InboxDeadLetters deadLetters,
    IOffsetStore offsets,
    BotClientFactory clients,
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
        LogStarted(logger, bot.Code, fetch.IdleDelay, fetch.BusyDelay);
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                var hasMore = await PollOnceAsync(bot, cancellationToken);
                failures = 0;
                delay = hasMore ? fetch.BusyDelay : fetch.IdleDelay;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failures++;
                delay = Backoff.After(failures, ex, fetch.MaxBackoff, time);
                LogPollFailed(logger, ex, bot.Code, failures, delay);
            }

            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>One Event.get and the storing of what it returned; true when the portal holds more.</summary>
    public async Task<bool> PollOnceAsync(HostedBot bot, CancellationToken cancellationToken)
    {
        var portal = bot.Portal.Key;
        var offset = await offsets.GetAsync(portal, bot.Code, cancellationToken);
        var page = await clients.For(bot).CallAsync(
            new EventGetRequest { Offset = offset, Limit = options.Value.Fetch.BatchSize },
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
        // Not cancelled half-way: what is stored should also be confirmed, and both take one round trip each.
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling events for bot {Bot} (idle delay {IdleDelay}, busy delay {BusyDelay})")]
    private static partial void LogStarted(ILogger logger, string bot, TimeSpan idleDelay, TimeSpan busyDelay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event.get for bot {Bot} failed ({Failures} in a row); next try in {Delay}")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string bot, int failures, TimeSpan delay);

}
