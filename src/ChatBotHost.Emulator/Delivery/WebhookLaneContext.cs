using ChatBotHost.Emulator.Observation;

namespace ChatBotHost.Emulator.Delivery;

/// <summary>What every bot's webhook lane shares: the transport, the delivery log, the clock, the stop signal.</summary>
internal sealed record WebhookLaneContext(
    IWebhookTransport Transport,
    ObservedLog<WebhookDelivery> Log,
    TimeProvider TimeProvider,
    CancellationToken Stopping);
