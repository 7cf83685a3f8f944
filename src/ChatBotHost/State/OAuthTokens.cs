namespace ChatBotHost.State;

/// <summary>A portal's OAuth pair; stored and replaced as one value, so a refresh never leaves half a pair (spec §1.2).</summary>
public sealed record OAuthTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, DateTimeOffset RefreshedAt)
{
    /// <summary>Describes the pair without revealing it.</summary>
    public override string ToString() => $"OAuthTokens(***, expires {ExpiresAt:O}, refreshed {RefreshedAt:O})";
}
