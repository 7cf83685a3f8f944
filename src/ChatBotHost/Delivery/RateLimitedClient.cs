using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Delivery;

/// <summary>
/// The one choke point every REST request to the portal passes (registration, Event.get, replies; a batch once):
/// it waits for the portal's shared bucket, and retries a request the portal refused for its rate.
/// </summary>
internal sealed class RateLimitedClient(IBitrixClient inner, PortalRateLimiter limiter, string portal) : IBitrixClient
{
    /// <summary>Attempts of one request the portal keeps refusing for its rate before the refusal reaches the caller.</summary>
    public const int MaxAttempts = 6;

    private static readonly AsyncLocal<bool> PermitHeld = new();

    /// <summary>
    /// Marks the code that follows (on this async flow) as holding a permit already taken from the bucket: the outbox
    /// takes the permit first and only then collects the calls of the request, so that every call that arrived while
    /// it waited rides in the same batch. The first attempt of each request then does not wait again.
    /// </summary>
    public static void UsePrepaidPermit() => PermitHeld.Value = true;

    public async Task<TResult> CallAsync<TResult>(BitrixRequest<TResult> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1 || !PermitHeld.Value)
            {
                await limiter.WaitAsync(portal, cancellationToken);
            }

            try
            {
                return await inner.CallAsync(request, cancellationToken);
            }
            catch (BitrixApiException e) when (e.IsRateLimited && attempt < MaxAttempts)
            {
                // The portal's bucket also counts requests we cannot see (other apps on our IP, other hosts):
                // it is the authority, so we wait as it says and go round again.
                limiter.Metrics?.RestError(portal, request.Method, e.Error);
                await limiter.BackOffAsync(portal, request.Method, e, attempt, cancellationToken);
            }
            catch (BitrixApiException e)
            {
                limiter.Metrics?.RestError(portal, request.Method, e.Error);
                throw;
            }
        }
    }
}
