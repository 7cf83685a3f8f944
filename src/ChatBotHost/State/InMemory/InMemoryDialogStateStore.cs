namespace ChatBotHost.State.InMemory;

/// <summary>Dialog state in process memory with the same compare-and-set and retention semantics as Redis.</summary>
public sealed class InMemoryDialogStateStore : IDialogStateStore
{
    private readonly ExpiringMap<DialogKey, VersionedState> _states;
    private readonly TimeSpan _retention;
    private readonly Lock _lock = new();

    /// <summary>Creates the store with the system clock and the default retention.</summary>
    public InMemoryDialogStateStore()
        : this(TimeProvider.System, StateRetention.DefaultDialogState)
    {
    }

    /// <summary>Creates the store; <paramref name="retention"/> is how long an untouched dialog's state is kept.</summary>
    public InMemoryDialogStateStore(TimeProvider timeProvider, TimeSpan retention)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        StateRetention.Validate(retention);
        _states = new ExpiringMap<DialogKey, VersionedState>(timeProvider);
        _retention = retention;
    }

    /// <inheritdoc />
    public Task<VersionedState?> LoadAsync(DialogKey key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_states.TryGet(key, out var state) ? state : null);
        }
    }

    /// <inheritdoc />
    public Task<bool> TrySaveAsync(DialogKey key, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var current = _states.TryGet(key, out var state) ? state.Version : 0;
            if (current != expectedVersion)
            {
                return Task.FromResult(false);
            }

            _states.Set(key, new VersionedState(json, current + 1), _retention);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(DialogKey key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _states.Remove(key);
        }

        return Task.CompletedTask;
    }
}
