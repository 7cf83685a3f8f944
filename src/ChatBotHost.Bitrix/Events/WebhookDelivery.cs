namespace ChatBotHost.Bitrix.Events;

/// <summary>One webhook POST from Bitrix24: the event and the auth block to verify it by.</summary>
/// <param name="Event">The decoded event.</param>
/// <param name="Auth">The top-level auth, or null when the body carried none.</param>
public sealed record WebhookDelivery(BotEvent Event, WebhookAuth? Auth);
