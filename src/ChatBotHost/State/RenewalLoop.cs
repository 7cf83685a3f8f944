namespace ChatBotHost.State;

/// <summary>
/// Keeps something held for a time-to-live (a lease, an inbox claim) alive: renews it every third of the ttl until
/// disposed, and cancels <see cref="Lost"/> when a renewal is refused, or when none succeeded for a whole ttl (the store
/// has expired it by then, and another holder may have it). A renewal that hangs counts as failed once the time left
/// is up, so a stuck connection cannot keep the holder believing it still holds.
/// </summary>
internal sealed class RenewalLoop : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<bool>> _renew;
    private readonly TimeSpan _ttl;
    private readonly TimeProvider _time;
    private readonly Action _onLost;
    private readonly Action<Exception> _onFailure;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <param name="renew">Renews for another ttl; false when the thing is gone (refused).</param>
    /// <param name="confirmedAt">When it was last known to be held (taken or renewed).</param>
    /// <param name="ttl">How long it lives without a renewal.</param>
    /// <param name="time">The clock.</param>
    /// <param name="onLost">Called once when it is lost, before <see cref="Lost"/> is cancelled.</param>
    /// <param name="onFailure">Called for each renewal that failed without an answer (it is tried again).</param>
    public RenewalLoop(
        Func<CancellationToken, Task<bool>> renew, DateTimeOffset confirmedAt, TimeSpan ttl, TimeProvider time, Action onLost, Action<Exception> onFailure)
    {
        _renew = renew;
        _ttl = ttl;
        _time = time;
        _onLost = onLost;
        _onFailure = onFailure;
        Lost = _lost.Token;
        _loop = RenewUntilStoppedAsync(confirmedAt);
    }

    public CancellationToken Lost { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewUntilStoppedAsync(DateTimeOffset confirmedAt)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_ttl / 3, _time, _stop.Token);
                var attemptAt = _time.GetUtcNow();
                var left = confirmedAt + _ttl - attemptAt;
                // With no time left the store has expired it already; a renewal would be refused anyway.
                var renewed = left > TimeSpan.Zero ? await TryRenewAsync(left) : false;
                if (renewed == true)
                {
                    confirmedAt = attemptAt;
                    continue;
                }

                if (renewed == false || _time.GetUtcNow() - confirmedAt >= _ttl)
                {
                    _onLost();
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

    // True: renewed; false: refused; null: the store failed or did not answer in the time left (tried again).
    private async Task<bool?> TryRenewAsync(TimeSpan left)
    {
        try
        {
            return await _renew(_stop.Token).WaitAsync(left, _time, _stop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            _onFailure(ex);
            return null;
        }
    }
}
