using System.Collections.Concurrent;

namespace ChatBotHost.State.InMemory;

/// <summary>OAuth portals in process memory (records are immutable, so no copies are needed).</summary>
public sealed class InMemoryPortalStore : IPortalStore
{
    private readonly ConcurrentDictionary<string, PortalRecord> _portals = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task SaveAsync(PortalRecord portal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(portal);
        _portals[portal.MemberId] = portal;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PortalRecord?> GetAsync(string memberId, CancellationToken cancellationToken) =>
        Task.FromResult(_portals.GetValueOrDefault(memberId));

    /// <inheritdoc />
    public Task<IReadOnlyList<PortalRecord>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PortalRecord>>([.. _portals.Values.OrderBy(p => p.MemberId, StringComparer.Ordinal)]);

    /// <inheritdoc />
    public Task DeleteAsync(string memberId, CancellationToken cancellationToken)
    {
        _portals.TryRemove(memberId, out _);
        return Task.CompletedTask;
    }
}
