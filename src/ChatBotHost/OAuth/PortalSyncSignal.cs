namespace ChatBotHost.OAuth;

/// <summary>Wakes this replica's portal sync at once after an install or uninstall it handled itself.</summary>
internal sealed class PortalSyncSignal : IDisposable
{
    private readonly Inbox.InboxSignal _signal = new();

    public void Pulse() => _signal.Pulse();

    public Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, time, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
