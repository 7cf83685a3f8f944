using ChatBotHost.State;

namespace ChatBotHost.Pipeline;

/// <summary>A held dialog lock; <see cref="Lost"/> fires if another replica may have taken the dialog over.</summary>
internal sealed class DialogLockHandle(IDisposable inProcess, LeaseHandle? lease) : IAsyncDisposable
{
    /// <summary>Cancelled when the lease could not be kept; the turn should stop (its state save is CAS-checked anyway).</summary>
    public CancellationToken Lost => lease?.Lost ?? CancellationToken.None;

    public async ValueTask DisposeAsync()
    {
        // The lease goes first, so the next local waiter, let in by the in-process lock, finds it free.
        try
        {
            if (lease is not null)
            {
                await lease.DisposeAsync();
            }
        }
        finally
        {
            inProcess.Dispose();
        }
    }
}
