using ChatBotHost.State;

namespace ChatBotHost.OAuth;

/// <summary>
/// Install attempts per portal (member_id), counted in the shared rate-limit store so every replica counts them
/// together: a burst of 5, then one every 12 s (5 a minute). A genuine install or re-install is one POST; the limit
/// stops a sender from spending our OAuth server calls and the portal's user.admin calls on guesses.
/// </summary>
internal sealed class InstallAttempts(IRateLimitStore store)
{
    /// <summary>The bucket: 5 at once, draining one per 12 s.</summary>
    public static readonly RateLimit Limit = new(1.0 / 12, 5);

    /// <summary>Zero when the attempt may go ahead; otherwise how long the sender must wait.</summary>
    public Task<TimeSpan> TryAdmitAsync(string memberId, CancellationToken cancellationToken) =>
        store.TryAcquireAsync("install/" + OAuthPortal.KeyOf(memberId), Limit, cancellationToken);
}
