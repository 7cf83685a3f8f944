namespace ChatBotHost.State;

/// <summary>The OAuth portals this host serves, shared by every replica; also the read model for health.</summary>
public interface IPortalStore
{
    /// <summary>Adds or replaces the portal.</summary>
    Task SaveAsync(PortalRecord portal, CancellationToken cancellationToken);

    /// <summary>The portal, or null when unknown.</summary>
    Task<PortalRecord?> GetAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Every known portal with its status.</summary>
    Task<IReadOnlyList<PortalRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the portal.</summary>
    Task DeleteAsync(string memberId, CancellationToken cancellationToken);
}
