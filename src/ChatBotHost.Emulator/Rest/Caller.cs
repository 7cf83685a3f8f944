namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// Who makes a call: the portal user the credentials act as, and the OAuth access token when the call is an
/// application's (null for the incoming webhook, whose calls are never asked for the administrator's confirmation).
/// </summary>
internal sealed record Caller(int? UserId, string? AccessToken = null);
