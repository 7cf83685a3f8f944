namespace ChatBotHost.State.InMemory;

/// <summary>In-memory state means one process: the broadcast calls this process's handlers and waits for them.</summary>
public sealed class InMemoryPortalRevocations : IPortalRevocations
{
    private readonly Lock _gate = new();
    private readonly List<Func<PortalRevocation, Task>> _handlers = [];

    /// <inheritdoc />
    public Task SubscribeAsync(Func<PortalRevocation, Task> onRevoked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onRevoked);
        lock (_gate)
        {
            _handlers.Add(onRevoked);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<RevocationResult> BroadcastAsync(PortalRevocation revocation, TimeSpan wait, CancellationToken cancellationToken)
    {
        Func<PortalRevocation, Task>[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }

        var confirmations = handlers.Select(handler => Confirm(handler, revocation, wait, cancellationToken)).ToList();
        var confirmed = await Task.WhenAll(confirmations);
        return new RevocationResult(handlers.Length, confirmed.Count(c => c));
    }

    private static async Task<bool> Confirm(Func<PortalRevocation, Task> handler, PortalRevocation revocation, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await handler(revocation).WaitAsync(wait, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false; // not confirmed in time: the broadcaster reports it
        }
    }
}
