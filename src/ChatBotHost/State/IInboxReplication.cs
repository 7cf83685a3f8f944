namespace ChatBotHost.State;

/// <summary>
/// Makes sure events just stored in a portal's inbox survive the loss of the node that took them, before they are
/// acknowledged to Bitrix24. Redis replicates asynchronously: a primary answers a write before its replicas have it,
/// and a replica promoted after the primary died lacks what had not reached it yet.
/// </summary>
public interface IInboxReplication
{
    /// <summary>
    /// Completes when the required number of replicas has every write this process made so far to the node that holds
    /// the portal's inbox (at once when none is required).
    /// </summary>
    /// <exception cref="ReplicasNotConfirmedException">Fewer replicas confirmed within the configured timeout.</exception>
    Task ConfirmAsync(string portal, CancellationToken cancellationToken);
}
