namespace ChatBotHost.State.InMemory;

/// <summary>Handled-event marks in process memory; marks expire after their retention, as with Redis PX.</summary>
public sealed class InMemoryDeduplicationStore : IDeduplicationStore
{
    private readonly ExpiringMap<(string Portal, int BotId, string EventKey), bool> _marks;
    private readonly Lock _lock = new();

    /// <summary>Creates the store with the system clock.</summary>
    public InMemoryDeduplicationStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates the store with the given clock (tests pass a fake one).</summary>
    public InMemoryDeduplicationStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _marks = new ExpiringMap<(string, int, string), bool>(timeProvider);
    }

    /// <inheritdoc />
    public Task<bool> IsHandledAsync(string portal, int botId, string eventKey, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = Key(portal, botId, eventKey);
        lock (_lock)
        {
            return Task.FromResult(_marks.TryGet(key, out _));
        }
    }

    /// <inheritdoc />
    public Task MarkHandledAsync(string portal, int botId, string eventKey, TimeSpan retention, CancellationToken cancellationToken)
    {
        StateRetention.Validate(retention);
        cancellationToken.ThrowIfCancellationRequested();
        var key = Key(portal, botId, eventKey);
        lock (_lock)
        {
            _marks.Set(key, true, retention);
        }

        return Task.CompletedTask;
    }

    private static (string, int, string) Key(string portal, int botId, string eventKey)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(eventKey);
        return (portal, botId, eventKey);
    }
}
