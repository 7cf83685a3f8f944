using ChatBotHost.State;

namespace ChatBotHost.Tests.State;

/// <summary>
/// Wraps a lease store and counts renewals; while <see cref="Unreachable"/> renewals throw like a lost Redis, while
/// <see cref="Hanging"/> they never answer, while <see cref="TakenOver"/> they answer false like a lease that expired
/// and went to someone else.
/// </summary>
public sealed class ObservedLeaseStore(ILeaseStore inner) : ILeaseStore
{
    private int _renewals;

    public int Renewals => Volatile.Read(ref _renewals);

    public bool Unreachable { get; set; }

    public bool Hanging { get; set; }

    public bool TakenOver { get; set; }

    public Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken) =>
        inner.TryAcquireAsync(name, owner, ttl, cancellationToken);

    public Task<bool> RenewAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _renewals);
        if (Unreachable)
        {
            return Task.FromException<bool>(new InvalidOperationException("Redis is not reachable (test)"));
        }

        if (Hanging)
        {
            return new TaskCompletionSource<bool>().Task;
        }

        return TakenOver ? Task.FromResult(false) : inner.RenewAsync(name, owner, ttl, cancellationToken);
    }

    public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(name, owner, cancellationToken);
}
