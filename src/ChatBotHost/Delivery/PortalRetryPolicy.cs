using ChatBotHost.Bitrix.Client;
using ChatBotHost.Configuration;
using Polly;
using Polly.Retry;

namespace ChatBotHost.Delivery;

/// <summary>
/// The one retry policy of every call to a portal, bound from ChatBotHost:Outbox (MaxAttempts, FirstRetryDelay,
/// MaxRetryDelay). What is retried comes from <see cref="BitrixErrorTable"/> (RetryWithBackoff, WaitForBucket); the
/// wait is <see cref="RetryDelay.After"/>, or until operating_reset_at for OPERATION_TIME_LIMIT. The outbox schedules
/// its retries with <see cref="DelayAfter"/> (a waiting call must not hold a request slot), direct calls run through
/// <see cref="Pipeline"/> (Polly), which makes the same decisions in-line. Either way one call makes at most MaxAttempts.
/// </summary>
internal sealed class PortalRetryPolicy
{
    // OPERATION_TIME_LIMIT names when the method's budget frees up; a later time than this is not believed.
    private static readonly TimeSpan MaxOperationWait = TimeSpan.FromMinutes(10);

    private readonly TimeProvider _time;

    public PortalRetryPolicy(SendQueueOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        MaxAttempts = options.MaxAttempts;
        FirstDelay = options.FirstRetryDelay;
        MaxDelay = options.MaxRetryDelay;
        Pipeline = Build();
    }

    public int MaxAttempts { get; }

    public TimeSpan FirstDelay { get; }

    public TimeSpan MaxDelay { get; }

    /// <summary>The in-line form of this policy, for direct calls.</summary>
    public ResiliencePipeline Pipeline { get; }

    /// <summary>
    /// Whether the failure is one to try again (and an attempt to count). A request this replica refused to send
    /// because the application was uninstalled from the portal reaches the caller as TRANSPORT_ERROR but never recovers.
    /// </summary>
    public static bool Retries(Exception error) =>
        BitrixErrorTable.Of(error) is BitrixErrorBehaviour.RetryWithBackoff or BitrixErrorBehaviour.WaitForBucket
        && error.InnerException is not OAuth.PortalUninstalledException;

    /// <summary>The wait after the <paramref name="failures"/>-th failure in a row.</summary>
    public TimeSpan DelayAfter(Exception error, int failures)
    {
        var delay = RetryDelay.After(failures, FirstDelay, MaxDelay);
        if (error is BitrixApiException { OperatingResetAt: { } resetAt })
        {
            // operating_reset_at is a whole unix second; one more makes sure the budget really freed up.
            var untilReset = DateTimeOffset.FromUnixTimeSeconds(resetAt) - _time.GetUtcNow() + TimeSpan.FromSeconds(1);
            delay = untilReset > delay ? (untilReset < MaxOperationWait ? untilReset : MaxOperationWait) : delay;
        }

        return delay;
    }

    /// <summary>How long the portal's shared bucket is held after QUERY_LIMIT_EXCEEDED: the first step of the backoff.</summary>
    public TimeSpan BucketHold() => RetryDelay.After(1, FirstDelay, MaxDelay);

    private ResiliencePipeline Build()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } error && Retries(error)),
                MaxRetryAttempts = MaxAttempts - 1,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(DelayAfter(args.Outcome.Exception!, args.AttemptNumber + 1)),
            });
        }

        return builder.Build();
    }
}
