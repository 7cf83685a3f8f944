namespace ChatBotHost.State.InMemory;

/// <summary>Leases in process memory; they expire by the injected clock, as Redis PX expiries do.</summary>
public sealed class InMemoryLeaseStore : ILeaseStore
{
    private readonly ExpiringMap<string, string> _owners;
    private readonly Lock _lock = new();

    /// <summary>Creates the store with the system clock.</summary>
    public InMemoryLeaseStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates the store with the given clock (tests pass a fake one).</summary>
    public InMemoryLeaseStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _owners = new ExpiringMap<string, string>(timeProvider);
    }

    /// <inheritdoc />
    public Task<bool> TryAcquireAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken) =>
        Task.FromResult(SetIf(name, owner, ttl, takeFree: true, cancellationToken));

    /// <inheritdoc />
    public Task<bool> RenewAsync(string name, string owner, TimeSpan ttl, CancellationToken cancellationToken) =>
        Task.FromResult(SetIf(name, owner, ttl, takeFree: false, cancellationToken));

    /// <inheritdoc />
    public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(owner);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (IsHeldBy(name, owner))
            {
                _owners.Remove(name);
            }
        }

        return Task.CompletedTask;
    }

    // Sets the lease when the owner holds it, or (takeFree) when nobody does.
    private bool SetIf(string name, string owner, TimeSpan ttl, bool takeFree, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(owner);
        LeaseRules.ValidateTtl(ttl);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var free = !_owners.TryGet(name, out var current);
            if (!(free && takeFree) && !string.Equals(current, owner, StringComparison.Ordinal))
            {
                return false;
            }

            _owners.Set(name, owner, ttl);
            return true;
        }
    }

    private bool IsHeldBy(string name, string owner) =>
        _owners.TryGet(name, out var current) && string.Equals(current, owner, StringComparison.Ordinal);
}
