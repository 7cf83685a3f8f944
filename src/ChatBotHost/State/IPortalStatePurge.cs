namespace ChatBotHost.State;

/// <summary>Forgets everything the host keeps for one portal (an application uninstalled with CLEAN=1).</summary>
public interface IPortalStatePurge
{
    /// <summary>
    /// Deletes the portal's inbox, dialog state, offsets, deduplication marks, bot registrations, sent ledger, dead
    /// letters, rate-limit bucket and timers; other portals are untouched. Returns how many keys and timers went.
    /// </summary>
    Task<long> PurgeAsync(string portal, CancellationToken cancellationToken);
}
