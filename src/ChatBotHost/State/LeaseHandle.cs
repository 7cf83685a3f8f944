namespace ChatBotHost.State;

/// <summary>
/// A lease held through <see cref="LeaseLock"/>: renewed in the background every ttl/3, released on dispose.
/// <see cref="Lost"/> is cancelled when a renewal finds the lease gone, so the work it guards can stop.
/// </summary>
public sealed partial class LeaseHandle : IAsyncDisposable
{
    private readonly ILeaseStore _store;
    private readonly TimeSpan _ttl;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RenewalLoop _renewal;
    private int _disposed;

    internal LeaseHandle(ILeaseStore store, string name, string owner, TimeSpan ttl, TimeProvider timeProvider, ILogger logger)
    {
        _store = store;
        Name = name;
        Owner = owner;
        _ttl = ttl;
        _timeProvider = timeProvider;
        _logger = logger;
        _renewal = new RenewalLoop(
            ct => store.RenewAsync(name, owner, ttl, ct),
            timeProvider.GetUtcNow(),
            ttl,
            timeProvider,
            () => LogLost(logger, name, owner),
            ex => LogRenewFailed(logger, ex, name));
    }

    /// <summary>The lease's name.</summary>
    public string Name { get; }

    /// <summary>The owner id this lease is held under.</summary>
    public string Owner { get; }

    /// <summary>Cancelled when the lease was lost (taken over after expiry, or not renewable within its ttl).</summary>
    public CancellationToken Lost => _renewal.Lost;

    /// <summary>Stops renewing and releases the lease if it is still ours; a failed release leaves it to expire.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _renewal.DisposeAsync();
        try
        {
            // Bounded, so a hung store cannot hold up the caller longer than the lease would have lived anyway.
            using var timeout = new CancellationTokenSource(_ttl, _timeProvider);
            await _store.ReleaseAsync(Name, Owner, timeout.Token);
        }
        catch (Exception ex)
        {
            // Dispose runs in the caller's finally path: throwing here would hide the caller's own outcome or error.
            LogReleaseFailed(_logger, ex, Name, _ttl);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease} was lost (owner {Owner}); the work it guards is cancelled")]
    private static partial void LogLost(ILogger logger, string lease, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing lease {Lease} failed; retrying until its ttl runs out")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing lease {Lease} failed; it expires within {Ttl}")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string lease, TimeSpan ttl);
}
