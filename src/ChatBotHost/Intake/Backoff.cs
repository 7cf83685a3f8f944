using ChatBotHost.Bitrix.Client;
using ChatBotHost.Delivery;

namespace ChatBotHost.Intake;

/// <summary>
/// How long a loop (polling, its lease, registration) waits after the n-th failure in a row: the host's one backoff
/// formula (<see cref="RetryDelay.After"/>), capped; rate limits and suspended portals honoured.
/// </summary>
internal static class Backoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);

    // The bucket drains 2 requests/s: after a QUERY_LIMIT_EXCEEDED, less than a couple of seconds only hits it again.
    private static readonly TimeSpan RateLimitFloor = TimeSpan.FromSeconds(2);

    public static TimeSpan After(int failures, Exception error, TimeSpan cap, TimeProvider time)
    {
        var delay = RetryDelay.After(failures, First, cap);
        if (error is PortalSuspendedException suspended)
        {
            // Calls fail at once until the probe is due; trying earlier spends nothing but log lines.
            delay = Later(delay, suspended.ProbeAt - time.GetUtcNow());
        }
        else if (error is BitrixApiException { OperatingResetAt: { } resetAt })
        {
            delay = Later(delay, DateTimeOffset.FromUnixTimeSeconds(resetAt) - time.GetUtcNow());
        }
        else if (error is BitrixApiException { IsRateLimited: true })
        {
            delay = Later(delay, RateLimitFloor);
        }

        return delay > cap ? cap : delay;
    }

    private static TimeSpan Later(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
