namespace ChatBotHost.Delivery;

/// <summary>
/// A slot of the portal's shared request bucket, handed to the call pipeline as a value. The outbox takes its slot
/// before it collects the calls of a request (so whatever arrived while it waited rides in the same batch) and passes
/// <see cref="Prepaid"/>; the first request spends it, and every repeat of that request (after a token refresh or a
/// re-registration) waits for a slot of its own. Everyone else passes <see cref="ToTake"/>.
/// </summary>
internal sealed class BucketPermit
{
    private int _prepaid;

    private BucketPermit(bool prepaid) => _prepaid = prepaid ? 1 : 0;

    /// <summary>A slot already taken from the bucket for the next request.</summary>
    public static BucketPermit Prepaid() => new(prepaid: true);

    /// <summary>No slot yet: every request waits for its own.</summary>
    public static BucketPermit ToTake() => new(prepaid: false);

    /// <summary>True exactly once for a prepaid permit: the request that may go without waiting.</summary>
    public bool TrySpend() => Interlocked.Exchange(ref _prepaid, 0) == 1;
}
