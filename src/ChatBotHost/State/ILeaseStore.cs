namespace ChatBotHost.State;

/// <summary>
/// Named leases: a lock with an expiry, held by one owner at a time across all host replicas. An owner that dies
/// loses its leases when their time to live runs out.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease for <paramref name="ttl"/> if nobody holds it; re-acquiring one's own lease renews it.
    /// True when <paramref name="owner"/> holds the lease afterwards.
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Extends the lease to <paramref name="ttl"/> from now if <paramref name="owner"/> still holds it; false when lost.</summary>
    Task<bool> RenewAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken);

    /// <summary>Gives the lease up if <paramref name="owner"/> still holds it; someone else's lease is left alone.</summary>
    Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken);
}
