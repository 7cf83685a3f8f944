using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Intake;

/// <summary>How long to wait after the n-th failure in a row: exponential with jitter, capped; rate limits honoured.</summary>
internal static class Backoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);

    // The bucket drains 2 requests/s: after a QUERY_LIMIT_EXCEEDED, less than a couple of seconds only hits it again.
    private static readonly TimeSpan RateLimitFloor = TimeSpan.FromSeconds(2);

    public static TimeSpan After(int failures, Exception error, TimeSpan cap, TimeProvider time)
    {
        var exponential = TimeSpan.FromTicks(Math.Min(cap.Ticks, First.Ticks << Math.Min(failures - 1, 20)));

        // Jitter spreads retries of many bots (and replicas) so they do not hit the portal's bucket together.
        var delay = exponential * (0.5 + (Random.Shared.NextDouble() * 0.5));
        if (error is BitrixApiException api)
        {
            if (api.OperatingResetAt is { } resetAt)
            {
                var untilReset = DateTimeOffset.FromUnixTimeSeconds(resetAt) - time.GetUtcNow();
                delay = untilReset > delay ? untilReset : delay;
            }
            else if (api.IsRateLimited && delay < RateLimitFloor)
            {
                delay = RateLimitFloor;
            }
        }

        return delay > cap ? cap : delay;
    }
}
