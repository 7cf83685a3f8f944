namespace ChatBotHost.Bitrix.Client;

/// <summary>Supplies a portal's current OAuth access token and refreshes it (spec §1.2).</summary>
public interface ITokenProvider
{
    /// <summary>The current access token (cached; no network call per REST call).</summary>
    ValueTask<AccessToken> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Refreshes after the portal rejected <paramref name="expired"/>; null when refreshing is impossible (re-auth needed).
    /// Implementations must refresh at most once per token: if <paramref name="expired"/> is no longer current, return the current one.
    /// </summary>
    ValueTask<AccessToken?> RefreshAsync(AccessToken expired, CancellationToken cancellationToken);
}
