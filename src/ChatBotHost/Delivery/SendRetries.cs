using ChatBotHost.Bitrix.Client;
using ChatBotHost.Configuration;

namespace ChatBotHost.Delivery;

/// <summary>
/// Decides whether a failed outbox call is tried again, and when, by the error table and the one retry policy. The
/// call waits in the queue meanwhile (it holds no request slot), so the outbox, not the client, schedules its retries.
/// </summary>
internal sealed class SendRetries(SendQueueOptions options, TimeProvider time)
{
    private readonly PortalRetryPolicy _policy = new(options, time);

    /// <summary>
    /// The wait before the next attempt, or null to give the call up. Transient failures and rate limits are retried
    /// with the policy's backoff (until operating_reset_at for OPERATION_TIME_LIMIT), up to MaxAttempts attempts in all;
    /// problems of the batch rather than of the call send it again on its own, at once; a suspended portal keeps the
    /// call waiting for its next probe without counting an attempt. Anything else (including METHOD_CONFIRM_WAITING,
    /// which is the caller's to wait for) goes back to the caller.
    /// </summary>
    public TimeSpan? After(QueuedCall call, Exception error, bool wasInBatch)
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

        switch (failure.Behaviour)
        {
            // BOT_NOT_FOUND alone goes through the pipeline's re-register stage; a refused batch is not the call's fault.
            case BitrixErrorBehaviour.ReRegisterBot or BitrixErrorBehaviour.SendAlone when wasInBatch:
                call.SendAlone = true;
                return TimeSpan.Zero;
            case BitrixErrorBehaviour.SuspendPortal:
                return failure is PortalSuspendedException suspended ? Until(suspended.ProbeAt) : PortalSuspensions.FirstPause;
        }

        if (++call.Failures >= _policy.MaxAttempts || !PortalRetryPolicy.Retries(failure))
        {
            return null;
        }

        return _policy.DelayAfter(failure, call.Failures);
    }

    private TimeSpan Until(DateTimeOffset at)
    {
        var wait = at - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
