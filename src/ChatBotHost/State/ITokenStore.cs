namespace ChatBotHost.State;

/// <summary>Each OAuth portal's token pair, shared by every replica.</summary>
public interface ITokenStore
{
    /// <summary>The portal's current pair, or null.</summary>
    Task<OAuthTokens?> GetAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the portal still has a pair: an uninstall deletes it first, so every request to the portal asks this
    /// (a cheap existence check, nothing decrypted) and a replica that missed the uninstall still stops.
    /// </summary>
    Task<bool> ExistsAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Replaces the whole pair in one write.</summary>
    Task SaveAsync(string memberId, OAuthTokens tokens, CancellationToken cancellationToken);

    /// <summary>
    /// Takes an access token delivered with an event (data.bot.auth) if it outlives the stored one; the refresh token
    /// stays. True when it was taken. Nothing happens for a portal without a stored pair.
    /// </summary>
    Task<bool> OfferAccessTokenAsync(string memberId, string accessToken, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Forgets the pair.</summary>
    Task DeleteAsync(string memberId, CancellationToken cancellationToken);
}
