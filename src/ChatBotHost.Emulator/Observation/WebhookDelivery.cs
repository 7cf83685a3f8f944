namespace ChatBotHost.Emulator.Observation;

/// <summary>The outcome of one event POST to a bot's webhookUrl (no retries, as on Bitrix24).</summary>
public sealed record WebhookDelivery(
    int BotId, string BotCode, string EventType, int? StatusCode, string? Failure, DateTimeOffset Timestamp)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
