namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>What a genuine delivery to one webhook bot carries: its id, the application_token, and the portal's member_id (application portals).</summary>
internal sealed record WebhookIdentity(int BotId, string ApplicationToken, string? MemberId);
