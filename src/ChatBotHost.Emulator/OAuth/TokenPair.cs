namespace ChatBotHost.Emulator.OAuth;

/// <summary>An access token and the refresh token issued with it.</summary>
internal sealed record TokenPair(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);
