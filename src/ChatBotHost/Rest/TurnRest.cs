using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Requests.Batch;
using ChatBotHost.Configuration;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Rest;

/// <summary>Makes a turn's <see cref="IBitrixRest"/>: as the turn's bot, in its dialog's order, effects keyed by the event.</summary>
internal static class TurnRest
{
    public static IBitrixRest For(IServiceProvider services, ISendQueue outbox, HostedBot bot, BotEvent evt) =>
        new SendQueueRest(
            outbox,
            _ => Task.FromResult(bot),
            // The event's deduplication key: the same event run again (a redelivery, a retried turn) makes the same keys.
            new RestIdempotency(evt.DeduplicationKey),
            evt.DialogId,
            MaxPerRequest(services));

    /// <summary>Commands per batch request: the outbox's batch size (1 sends every command alone, as the test kit does).</summary>
    public static int MaxPerRequest(IServiceProvider services) =>
        services.GetService<IOptions<ChatBotHostOptions>>()?.Value.SendQueue.MaxBatchSize ?? BatchRequest.MaxCalls;
}
