namespace ChatBotHost.Emulator.OAuth;

/// <summary>An access token and the refresh token issued with it, for the user they act as (Bitrix24 tokens are per user).</summary>
internal sealed record TokenPair(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, int UserId);
