namespace ChatBotHost.Inbox;

/// <summary>
/// Wakes this replica's idle workers at once when something here enqueued an event or a turn finished, so a local
/// event never waits for the next idle poll. Pulses coalesce: many pulses before a wait wake it once.
/// </summary>
internal sealed class InboxSignal : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _pulses = new(0, 1);

    public void Pulse()
    {
        lock (_gate)
        {
            if (_pulses.CurrentCount == 0)
            {
                _pulses.Release();
            }
        }
    }

    /// <summary>Waits for a pulse or until <paramref name="timeout"/> passed on <paramref name="time"/>; true when pulsed.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (_pulses.Wait(0, CancellationToken.None))
        {
            return true;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pulse = _pulses.WaitAsync(stop.Token);
        var elapsed = Task.Delay(timeout, time, stop.Token);
        await Task.WhenAny(pulse, elapsed);
        await stop.CancelAsync();
        try
        {
            // The loser is cancelled; awaiting it also observes a pulse that arrived just as the timeout did.
            await Task.WhenAll(pulse, elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // One of the two was cancelled by us, as intended.
        }

        cancellationToken.ThrowIfCancellationRequested();
        return pulse.IsCompletedSuccessfully;
    }

    public void Dispose() => _pulses.Dispose();
}
