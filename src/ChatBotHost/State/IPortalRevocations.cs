namespace ChatBotHost.State;

/// <summary>
/// Tells every replica at once that an application portal was uninstalled, and waits until each replica that heard it
/// has stopped calling the portal. With Redis it is pub/sub; a replica whose subscription is down misses the message,
/// so this is the fast path, not the only one: each outbound request also checks the token store.
/// </summary>
public interface IPortalRevocations
{
    /// <summary>
    /// Registers this replica's handler. The handler returns once the replica sends the portal nothing more (calls
    /// already under way finished); only then is the broadcast confirmed.
    /// </summary>
    Task SubscribeAsync(Func<PortalRevocation, Task> onRevoked, CancellationToken cancellationToken);

    /// <summary>Tells every subscribed replica (this one too) and waits at most <paramref name="wait"/> for them to confirm.</summary>
    Task<RevocationResult> BroadcastAsync(PortalRevocation revocation, TimeSpan wait, CancellationToken cancellationToken);
}
