using ChatBotHost.State;

namespace ChatBotHost.Pipeline;

/// <summary>
/// Two events of one dialog never run their handlers at the same time, on one host or across replicas: the
/// in-process lock is taken first (local waiters queue fairly and only one of them at a time polls the store), then a
/// lease named after the dialog, which the other replicas respect.
/// </summary>
internal sealed class DialogLocks(InProcessLocks local, LeaseLock leases, DialogLockOptions options)
{
    /// <summary>The lease name of a dialog; events outside any dialog (the bot was deleted) lock per bot with "-".</summary>
    public static string NameOf(string portal, string botCode, string? dialogId) =>
        // Portal keys are host[:port] and bot codes are [A-Za-z0-9_-], so '/' cannot occur before the dialog id.
        $"dialog/{portal}/{botCode}/{dialogId ?? "-"}";

    /// <summary>
    /// Waits until this caller holds the dialog here and, unless <paramref name="heldAcrossReplicas"/> (an inbox claim
    /// already keeps the dialog on this worker), across replicas too; dispose the handle to let go.
    /// </summary>
    public async Task<DialogLockHandle> AcquireAsync(string name, bool heldAcrossReplicas, CancellationToken cancellationToken)
    {
        var inProcess = await local.AcquireAsync(name, cancellationToken);
        if (heldAcrossReplicas)
        {
            return new DialogLockHandle(inProcess, lease: null);
        }

        try
        {
            var lease = await leases.AcquireAsync(name, options.LeaseTtl, cancellationToken);
            return new DialogLockHandle(inProcess, lease);
        }
        catch
        {
            inProcess.Dispose();
            throw;
        }
    }
}
