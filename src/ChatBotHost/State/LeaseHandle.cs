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
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private int _disposed;

    internal LeaseHandle(ILeaseStore store, string name, string owner, TimeSpan ttl, TimeProvider timeProvider, ILogger logger)
    {
        _store = store;
        Name = name;
        Owner = owner;
        _ttl = ttl;
        _timeProvider = timeProvider;
        _logger = logger;
        Lost = _lost.Token;
        _renewal = RenewUntilStoppedAsync();
    }

    /// <summary>The lease's name.</summary>
    public string Name { get; }

    /// <summary>The owner id this lease is held under.</summary>
    public string Owner { get; }

    /// <summary>Cancelled when the lease was lost (taken over after expiry, or not renewable within its ttl).</summary>
    public CancellationToken Lost { get; }

    /// <summary>Stops renewing and releases the lease if it is still ours; a failed release leaves it to expire.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        await _renewal;
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
        finally
        {
            _lost.Dispose();
            _stop.Dispose();
        }
    }

    private async Task RenewUntilStoppedAsync()
    {
        var confirmedAt = _timeProvider.GetUtcNow();
        var interval = _ttl / 3;
        try
        {
            while (true)
            {
                await Task.Delay(interval, _timeProvider, _stop.Token);
                var attemptAt = _timeProvider.GetUtcNow();
                var left = confirmedAt + _ttl - attemptAt;
                // With no time left the store has expired the lease already; a renewal would be refused anyway.
                bool? renewed = left > TimeSpan.Zero ? await TryRenewAsync(left) : false;
                if (renewed == true)
                {
                    confirmedAt = attemptAt;
                    continue;
                }

                // An unanswered renewal (store unreachable) counts as lost only once the ttl since the last confirmed
                // renewal has passed: by then the store has expired the lease, and another holder may have it.
                if (renewed == false || _timeProvider.GetUtcNow() - confirmedAt >= _ttl)
                {
                    LogLost(_logger, Name, Owner);
                    await _lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: the holder is done, nothing more to renew.
        }
    }

    // True: renewed; false: someone else holds the lease or it expired; null: the store failed or did not answer
    // before the lease would have expired (a hung connection must not keep the holder believing it holds the lease).
    private async Task<bool?> TryRenewAsync(TimeSpan left)
    {
        try
        {
            return await _store.RenewAsync(Name, Owner, _ttl, _stop.Token).WaitAsync(left, _timeProvider, _stop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            // Any failure is retried: this loop is the only thing keeping the lease, and giving up early loses it.
            LogRenewFailed(_logger, ex, Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease {Lease} was lost (owner {Owner}); the work it guards is cancelled")]
    private static partial void LogLost(ILogger logger, string lease, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing lease {Lease} failed; retrying until its ttl runs out")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing lease {Lease} failed; it expires within {Ttl}")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string lease, TimeSpan ttl);
}
