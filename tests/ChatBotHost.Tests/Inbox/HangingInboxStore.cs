using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.Inbox;

/// <summary>
/// An in-memory inbox whose acknowledgements can be made to hang, as on a half-open Redis connection: the call never
/// answers and nothing changes.
/// </summary>
internal sealed class HangingInboxStore : IInboxStore
{
    private readonly InMemoryInboxStore _inner = new();
    private int _hungAcks;
    private int _claimsToHang;
    private int _hungClaims;

    /// <summary>How many of the next claims hang (never answer, claim nothing).</summary>
    public int ClaimsToHang
    {
        set => Volatile.Write(ref _claimsToHang, value);
    }

    public int HungClaims => Volatile.Read(ref _hungClaims);

    public bool HangAcks { get; set; }

    public int HungAcks => Volatile.Read(ref _hungAcks);


    public Task<IReadOnlyList<bool>> EnqueueAsync(IReadOnlyList<InboxItem> items, DateTimeOffset storeBy, CancellationToken cancellationToken) =>
        _inner.EnqueueAsync(items, storeBy, cancellationToken);

    public Task<IReadOnlyList<InboxClaim>> ClaimAsync(string portal, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _claimsToHang) >= 0)
        {
            Interlocked.Increment(ref _hungClaims);
            return new TaskCompletionSource<IReadOnlyList<InboxClaim>>().Task;
        }

        return _inner.ClaimAsync(portal, now, lease, max, cancellationToken);
    }

    public Task<bool> AckAsync(InboxClaim claim, CancellationToken cancellationToken)
    {
        if (!HangAcks)
        {
            return _inner.AckAsync(claim, cancellationToken);
        }

        Interlocked.Increment(ref _hungAcks);
        return new TaskCompletionSource<bool>().Task;
    }

    public Task<bool> RenewAsync(InboxClaim claim, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        _inner.RenewAsync(claim, now, lease, cancellationToken);

    public Task<bool> DeferAsync(InboxClaim claim, InboxItem head, DateTimeOffset availableAt, CancellationToken cancellationToken) =>
        _inner.DeferAsync(claim, head, availableAt, cancellationToken);

    public Task<bool> ReleaseAsync(InboxClaim claim, CancellationToken cancellationToken) => _inner.ReleaseAsync(claim, cancellationToken);

    public Task<long> DepthAsync(string portal, CancellationToken cancellationToken) => _inner.DepthAsync(portal, cancellationToken);
}
