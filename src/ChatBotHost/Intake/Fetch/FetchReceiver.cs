using System.Text.Json;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
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
    IOffsetStore offsets,
    BotClientFactory clients,
    IOptions<ChatBotHostOptions> options,
    TimeProvider time,
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

        foreach (var item in page.Events)
        {
            var evt = Decode(bot, item);
            if (evt?.EventId is not { } eventId || eventId < offset)
            {
                continue;
            }

            // Stopping ends the page between events; what is stored so far is confirmed, the rest is read again.
            if (cancellationToken.IsCancellationRequested)
            {
                await offsets.AdvanceAsync(portal, bot.Code, eventId, CancellationToken.None);
                return false;
            }

            await inbox.EnqueueAsync(ToItem(bot, evt, item), CancellationToken.None);
        }

        await offsets.AdvanceAsync(portal, bot.Code, page.NextOffset, CancellationToken.None);
        return page.HasMore;
    }

    private InboxItem ToItem(HostedBot bot, BotEvent evt, JsonElement wire) => new()
    {
        Portal = bot.Portal.Key,
        BotCode = bot.Code,
        DialogId = evt.DialogId ?? InboxItem.NoDialog,
        DeduplicationKey = evt.DeduplicationKey,
        Source = InboxItem.Sources.Fetch,
        Payload = wire.GetRawText(),
        ReceivedAt = time.GetUtcNow(),
    };

    private BotEvent? Decode(HostedBot bot, JsonElement item)
    {
        try
        {
            return FetchEventDecoder.Decode(item);
        }
        catch (EventDecodingException ex)
        {
            // An event nobody can read would block the queue forever; it is skipped (nextOffset passes it) and logged.
            LogUndecodable(logger, ex, bot.Code);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling events for bot {Bot} (idle delay {IdleDelay}, busy delay {BusyDelay})")]
    private static partial void LogStarted(ILogger logger, string bot, TimeSpan idleDelay, TimeSpan busyDelay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event.get for bot {Bot} failed ({Failures} in a row); next try in {Delay}")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string bot, int failures, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bot {Bot} received an event that cannot be decoded; it is skipped")]
    private static partial void LogUndecodable(ILogger logger, Exception exception, string bot);
}
