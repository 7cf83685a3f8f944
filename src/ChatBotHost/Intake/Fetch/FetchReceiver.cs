using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Pipeline;
using ChatBotHost.Registration;
using ChatBotHost.State;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Intake.Fetch;

/// <summary>
/// Polls imbot.v2.Event.get for one bot. Event.get(offset=N) confirms every event below N, so the offset sent is
/// always the one stored after the events before it were handled: a crash re-reads what was not finished, and the
/// stored offset skips what was.
/// </summary>
internal sealed partial class FetchReceiver(
    TurnPipeline pipeline,
    IOffsetStore offsets,
    BotClientFactory clients,
    IOptions<ChatBotHostOptions> options,
    TimeProvider time,
    ILogger<FetchReceiver> logger)
{
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

    /// <summary>One Event.get and the handling of what it returned; true when the portal holds more.</summary>
    public async Task<bool> PollOnceAsync(HostedBot bot, CancellationToken cancellationToken)
    {
        var portal = bot.Portal.Key;
        var offset = await offsets.GetAsync(portal, bot.Code, cancellationToken);
        var page = await clients.For(bot).CallAsync(
            new EventGetRequest { Offset = offset, Limit = options.Value.Fetch.BatchSize },
            cancellationToken);

        foreach (var item in page.Events)
        {
            // Stopping ends intake between events, never inside one: a turn that already answered must also commit
            // its state and offset, or a restart would replay it. The rest of the page stays unconfirmed for next time.
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var evt = Decode(bot, item);
            if (evt?.EventId is not { } eventId || eventId < offset)
            {
                continue;
            }

            await pipeline.ProcessAsync(bot, evt, CancellationToken.None);

            // Stored per event, not per page: a crash mid-page must not replay the events already answered.
            await offsets.AdvanceAsync(portal, bot.Code, eventId + 1, CancellationToken.None);
        }

        await offsets.AdvanceAsync(portal, bot.Code, page.NextOffset, cancellationToken);
        return page.HasMore;
    }

    private BotEvent? Decode(HostedBot bot, System.Text.Json.JsonElement item)
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
