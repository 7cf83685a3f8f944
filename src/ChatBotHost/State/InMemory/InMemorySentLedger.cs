namespace ChatBotHost.State.InMemory;

/// <summary>Sent-call results in process memory; entries expire after their retention, as with Redis PX.</summary>
public sealed class InMemorySentLedger : ISentLedger
{
    private readonly ExpiringMap<(string Portal, string BotCode, string Key), string> _results;
    private readonly Lock _gate = new();

    /// <summary>Creates the ledger on the given clock (tests pass a fake one), or on the system clock.</summary>
    public InMemorySentLedger(TimeProvider? time = null)
    {
        _results = new ExpiringMap<(string, string, string), string>(time ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public Task<string?> FindAsync(string portal, string botCode, string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entry = Entry(portal, botCode, key);
        lock (_gate)
        {
            return Task.FromResult(_results.TryGet(entry, out var result) ? result : null);
        }
    }

    /// <inheritdoc />
    public Task RecordAsync(string portal, string botCode, string key, string result, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        StateRetention.Validate(retention);
        cancellationToken.ThrowIfCancellationRequested();
        var entry = Entry(portal, botCode, key);
        lock (_gate)
        {
            _results.Set(entry, result, retention);
        }

        return Task.CompletedTask;
    }

    private static (string, string, string) Entry(string portal, string botCode, string key)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(botCode);
        ArgumentNullException.ThrowIfNull(key);
        return (portal, botCode, key);
    }
}
