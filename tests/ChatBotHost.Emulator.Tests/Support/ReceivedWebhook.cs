namespace ChatBotHost.Emulator.Tests.Support;

/// <summary>One POST the webhook receiver got, exactly as sent.</summary>
internal sealed record ReceivedWebhook(string? ContentType, string Body);
