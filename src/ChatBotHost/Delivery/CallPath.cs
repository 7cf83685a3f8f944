namespace ChatBotHost.Delivery;

/// <summary>
/// What a caller asks of the call pipeline for its requests.
/// </summary>
/// <param name="Permit">The bucket slot: prepaid by the outbox, or to be taken per request.</param>
/// <param name="Retried">
/// Whether the pipeline itself retries transient failures (the one retry policy, at most MaxAttempts attempts). False
/// where the caller schedules retries with that same policy (the outbox, the fetch loop), so attempts never multiply.
/// </param>
/// <param name="ReRegister">Registers the bot again after BOT_NOT_FOUND (the request is then repeated once); null: not a bot's client.</param>
/// <param name="DedupeId">The portal-side dedupe id a message carries when it has no templateId of its own; null: none.</param>
internal sealed record CallPath(BucketPermit Permit, bool Retried, Func<CancellationToken, Task>? ReRegister = null, string? DedupeId = null)
{
    /// <summary>A direct call: retried in-line by the one policy, a bucket slot taken per attempt.</summary>
    public static CallPath Direct { get; } = new(BucketPermit.ToTake(), Retried: true);

    /// <summary>One attempt, a slot taken for it; the caller decides whether and when to try again.</summary>
    public static CallPath Once { get; } = new(BucketPermit.ToTake(), Retried: false);
}
