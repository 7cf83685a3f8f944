using ChatBotHost.Bitrix.Client;
using ChatBotHost.Configuration;

namespace ChatBotHost.Delivery;

/// <summary>Decides whether a failed call is tried again, and when.</summary>
internal sealed class OutboxRetries(OutboxOptions options, TimeProvider time)
{
    // OPERATION_TIME_LIMIT names when the method's budget frees up; a later time than this is not believed.
    private static readonly TimeSpan MaxOperationWait = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The wait before the next attempt, or null to give the call up. Only transient failures (5xx, timeouts, dropped
    /// connections, rate limits) are retried, with exponential backoff and jitter, up to the configured attempts;
    /// problems of the batch rather than of the call send it again on its own, at once.
    /// </summary>
    public TimeSpan? After(OutboxCall call, Exception error, bool wasInBatch)
    {
        if (error is BatchHaltedException)
        {
            return TimeSpan.Zero;
        }

        if (error is not BitrixApiException failure)
        {
            call.Failures++;
            return null;
        }

        // BOT_NOT_FOUND alone goes through the client that registers the bot again; a refused batch is not the call's fault.
        if (wasInBatch && failure.Error is BitrixErrors.BotNotFound or BitrixErrors.BatchLengthExceeded or BitrixErrors.BatchMethodNotAllowed)
        {
            call.SendAlone = true;
            return TimeSpan.Zero;
        }

        if (++call.Failures >= options.MaxAttempts || !failure.IsTransient)
        {
            return null;
        }

        var delay = RetryDelay.After(call.Failures, options.FirstRetryDelay, options.MaxRetryDelay);
        if (failure.OperatingResetAt is { } resetAt)
        {
            var untilReset = DateTimeOffset.FromUnixTimeSeconds(resetAt) - time.GetUtcNow() + TimeSpan.FromSeconds(1);
            delay = untilReset > delay ? (untilReset < MaxOperationWait ? untilReset : MaxOperationWait) : delay;
        }

        return delay;
    }
}
