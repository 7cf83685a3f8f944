namespace ChatBotHost.Tests.Dialogs;

/// <summary>The payload of the test bot's "ping" callback.</summary>
public sealed record PingPayload(string Text, int Count);
