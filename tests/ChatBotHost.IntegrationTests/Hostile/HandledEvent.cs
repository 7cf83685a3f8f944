namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>One event a handler ran for: its wire type and, for message events, the text it carried.</summary>
internal sealed record HandledEvent(string Type, string? Text);
