namespace ChatBotHost.Emulator.Delivery;

/// <summary>One event POST waiting in a bot's lane; the body is already form-encoded.</summary>
internal sealed record WebhookJob(int BotId, string BotCode, string EventType, Uri Url, string Body);
