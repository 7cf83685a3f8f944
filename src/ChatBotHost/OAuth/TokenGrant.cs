namespace ChatBotHost.OAuth;

/// <summary>What the OAuth server answered to a refresh: the new pair and where the portal's REST lives.</summary>
internal sealed record TokenGrant(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, string? ClientEndpoint, string? MemberId)
{
    public override string ToString() => $"TokenGrant(***, expires {ExpiresAt:O})";
}
